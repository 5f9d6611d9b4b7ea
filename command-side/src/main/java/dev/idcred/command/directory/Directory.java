package dev.idcred.command.directory;

import dev.idcred.command.identity.IdentityLookup;
import dev.idcred.command.oauth.CredentialLookup;
import dev.idcred.shared.common.GrantType;
import dev.idcred.shared.common.IdentityKind;
import dev.idcred.shared.common.NetworkRules;
import dev.idcred.shared.common.RightsCatalogue;
import dev.idcred.shared.usage.CredentialKind;
import dev.idcred.access.CredentialState;
import dev.idcred.access.CredentialStates;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The write side's lookup tables on PostgreSQL, read and written in the caller's transaction. As the
 * {@link CredentialStates} of every call, it is exact: a revocation is seen by the next call after it commits.
 * Where both sides run in one process it is the one used ({@code @Primary}).
 */
@Component
@Primary
class Directory implements IdentityLookup, CredentialLookup, CredentialStates {

    private final JdbcTemplate jdbc;
    private final RightsCatalogue catalogue;

    Directory(JdbcTemplate jdbc, RightsCatalogue catalogue) {
        this.jdbc = jdbc;
        this.catalogue = catalogue;
    }

    @Override
    public Optional<IdentitySummary> find(String identityId) {
        return jdbc.query("""
                        select identity_id, name, kind, levels, tenant_access_expires_at, allowed_cidrs,
                               allowed_countries
                        from directory_identity where identity_id = ?""",
                (row, n) -> new IdentitySummary(row.getString(1), row.getString(2),
                        IdentityKind.valueOf(row.getString(3)), words(row.getString(4)), instant(row.getTimestamp(5)),
                        new NetworkRules(List.copyOf(words(row.getString(6))), List.copyOf(words(row.getString(7))))),
                identityId).stream().findFirst();
    }

    @Override
    public Optional<CredentialRecord> findCredential(String clientId) {
        return jdbc.query("""
                        select client_id, credential_kind, owner_id, secret_hash, scope, grant_types, enabled,
                               access_token_validity_seconds, refresh_token_validity_seconds
                        from directory_credential where client_id = ?""",
                (row, n) -> new CredentialRecord(row.getString(1), CredentialKind.valueOf(row.getString(2)),
                        row.getString(3), row.getString(4), List.copyOf(words(row.getString(5))),
                        words(row.getString(6)).stream().map(GrantType::valueOf).collect(Collectors.toSet()),
                        row.getBoolean(7), row.getInt(8), row.getInt(9)),
                clientId).stream().findFirst();
    }

    @Override
    public Optional<RefreshFamilyRecord> findRefreshFamily(String familyId) {
        return jdbc.query("""
                        select family_id, client_id, owner_id, secret_hash, expires_at, revoked
                        from refresh_token_family where family_id = ?""",
                (row, n) -> new RefreshFamilyRecord(row.getString(1), row.getString(2), row.getString(3),
                        row.getString(4), instant(row.getTimestamp(5)), row.getBoolean(6)),
                familyId).stream().findFirst();
    }

    /** One query per call: the credential, its owner, and which of the token ids were revoked. */
    @Override
    public Optional<CredentialState> find(String credentialId, Collection<String> tokenIds) {
        return jdbc.query("""
                        select c.credential_kind, c.owner_id, c.scope, c.enabled, i.levels,
                               i.tenant_access_expires_at, i.allowed_cidrs, i.allowed_countries,
                               array(select r.token_id from revoked_token r where r.token_id = any (?))
                        from directory_credential c join directory_identity i on i.identity_id = c.owner_id
                        where c.client_id = ?""",
                (row, n) -> new CredentialState(credentialId, CredentialKind.valueOf(row.getString(1)),
                        row.getString(2), row.getBoolean(4),
                        catalogue.effectiveRights(words(row.getString(3)), words(row.getString(5))),
                        new NetworkRules(List.copyOf(words(row.getString(7))), List.copyOf(words(row.getString(8)))),
                        instant(row.getTimestamp(6)), new LinkedHashSet<>(Arrays.asList((String[]) row.getArray(9).getArray())), true),
                tokenIds.toArray(String[]::new), credentialId).stream().findFirst();
    }

    void putIdentity(String identityId, String name, IdentityKind kind, Instant tenantAccessExpiresAt,
                     NetworkRules rules) {
        NetworkRules known = rules == null ? NetworkRules.none() : rules;
        jdbc.update("""
                insert into directory_identity (identity_id, name, kind, tenant_access_expires_at, allowed_cidrs,
                                                allowed_countries)
                values (?, ?, ?, ?, ?, ?)
                on conflict (identity_id) do update set name = excluded.name, kind = excluded.kind,
                    tenant_access_expires_at = excluded.tenant_access_expires_at,
                    allowed_cidrs = excluded.allowed_cidrs, allowed_countries = excluded.allowed_countries""",
                identityId, name, kind.name(),
                tenantAccessExpiresAt == null ? null : Timestamp.from(tenantAccessExpiresAt),
                String.join(" ", known.allowedCidrs()), String.join(" ", known.allowedCountries()));
    }

    /** Live tokens of vendor identities whose tenant access ended at or before {@code now}: token id → owner id. */
    List<ExpiredToken> tokensWhoseOwnerAccessEnded(Instant now) {
        return jdbc.query("""
                        select n.token_id, n.owner_id, i.tenant_access_expires_at
                        from pat_name n join directory_identity i on i.identity_id = n.owner_id
                        where i.tenant_access_expires_at <= ?""",
                (row, i) -> new ExpiredToken(row.getString(1), row.getString(2), row.getTimestamp(3).toInstant()),
                Timestamp.from(now));
    }

    record ExpiredToken(String tokenId, String ownerId, Instant accessEndedAt) {
    }

    void setLevels(String identityId, Collection<String> levels) {
        jdbc.update("update directory_identity set levels = ? where identity_id = ?", String.join(" ", levels),
                identityId);
    }

    void putCredential(CredentialRecord credential) {
        jdbc.update("""
                insert into directory_credential (client_id, credential_kind, owner_id, secret_hash, scope,
                                                  grant_types, enabled, access_token_validity_seconds,
                                                  refresh_token_validity_seconds)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (client_id) do update set scope = excluded.scope, grant_types = excluded.grant_types,
                    enabled = excluded.enabled, access_token_validity_seconds = excluded.access_token_validity_seconds,
                    refresh_token_validity_seconds = excluded.refresh_token_validity_seconds""",
                credential.clientId(), credential.kind().name(), credential.ownerId(), credential.secretHash(),
                String.join(" ", credential.scope()),
                credential.grantTypes().stream().map(Enum::name).sorted().collect(Collectors.joining(" ")),
                credential.enabled(), credential.accessTokenValiditySeconds(),
                credential.refreshTokenValiditySeconds());
    }

    void updateCredential(String clientId, List<String> scope, Set<GrantType> grantTypes, boolean enabled,
                          Integer accessTokenValiditySeconds, Integer refreshTokenValiditySeconds) {
        jdbc.update("""
                update directory_credential set scope = ?, grant_types = ?, enabled = ?,
                    access_token_validity_seconds = coalesce(?, access_token_validity_seconds),
                    refresh_token_validity_seconds = coalesce(?, refresh_token_validity_seconds)
                where client_id = ?""",
                String.join(" ", scope), grantTypes.stream().map(Enum::name).sorted().collect(Collectors.joining(" ")),
                enabled, accessTokenValiditySeconds, refreshTokenValiditySeconds, clientId);
    }

    void removeCredential(String clientId) {
        jdbc.update("delete from directory_credential where client_id = ?", clientId);
    }

    /** Remembers a revoked token id until {@code expiresAt}, and forgets those no token can outlive any more. */
    void revokeToken(String tokenId, String credentialId, Instant expiresAt, Instant now) {
        jdbc.update("delete from revoked_token where expires_at < ?", Timestamp.from(now));
        jdbc.update("""
                insert into revoked_token (token_id, credential_id, expires_at) values (?, ?, ?)
                on conflict (token_id) do update set expires_at = greatest(revoked_token.expires_at, excluded.expires_at)""",
                tokenId, credentialId, Timestamp.from(expiresAt));
    }

    void putRefreshFamily(String familyId, String clientId, String ownerId, String secretHash, Instant expiresAt) {
        jdbc.update("""
                insert into refresh_token_family (family_id, client_id, owner_id, secret_hash, expires_at)
                values (?, ?, ?, ?, ?)""",
                familyId, clientId, ownerId, secretHash, Timestamp.from(expiresAt));
    }

    void rotateRefreshFamily(String familyId, String secretHash, Instant expiresAt) {
        jdbc.update("update refresh_token_family set secret_hash = ?, expires_at = ? where family_id = ?",
                secretHash, Timestamp.from(expiresAt), familyId);
    }

    void markRefreshFamilyRevoked(String familyId) {
        jdbc.update("update refresh_token_family set revoked = true where family_id = ?", familyId);
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    private static Set<String> words(String text) {
        if (text == null || text.isBlank()) {
            return Set.of();
        }
        return new LinkedHashSet<>(Arrays.asList(text.trim().split("\\s+")));
    }
}
