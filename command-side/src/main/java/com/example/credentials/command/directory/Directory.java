package com.example.credentials.command.directory;

import com.example.credentials.command.identity.IdentityLookup;
import com.example.credentials.command.oauth.CredentialLookup;
import com.example.credentials.shared.common.GrantType;
import com.example.credentials.shared.common.IdentityKind;
import com.example.credentials.shared.usage.CredentialKind;
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

/** The write side's lookup tables on PostgreSQL, read and written in the caller's transaction. */
@Component
class Directory implements IdentityLookup, CredentialLookup {

    private final JdbcTemplate jdbc;

    Directory(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<IdentitySummary> find(String identityId) {
        return jdbc.query("""
                        select identity_id, name, kind, levels, tenant_access_expires_at
                        from directory_identity where identity_id = ?""",
                (row, n) -> new IdentitySummary(row.getString(1), row.getString(2),
                        IdentityKind.valueOf(row.getString(3)), words(row.getString(4)),
                        row.getTimestamp(5) == null ? null : row.getTimestamp(5).toInstant()),
                identityId).stream().findFirst();
    }

    @Override
    public Optional<CredentialRecord> findCredential(String clientId) {
        return jdbc.query("""
                        select client_id, credential_kind, owner_id, secret_hash, scope, grant_types, enabled,
                               access_token_validity_seconds
                        from directory_credential where client_id = ?""",
                (row, n) -> new CredentialRecord(row.getString(1), CredentialKind.valueOf(row.getString(2)),
                        row.getString(3), row.getString(4), List.copyOf(words(row.getString(5))),
                        words(row.getString(6)).stream().map(GrantType::valueOf).collect(Collectors.toSet()),
                        row.getBoolean(7), row.getInt(8)),
                clientId).stream().findFirst();
    }

    void putIdentity(String identityId, String name, IdentityKind kind, Instant tenantAccessExpiresAt) {
        jdbc.update("""
                insert into directory_identity (identity_id, name, kind, tenant_access_expires_at) values (?, ?, ?, ?)
                on conflict (identity_id) do update set name = excluded.name, kind = excluded.kind,
                    tenant_access_expires_at = excluded.tenant_access_expires_at""",
                identityId, name, kind.name(),
                tenantAccessExpiresAt == null ? null : Timestamp.from(tenantAccessExpiresAt));
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
                                                  grant_types, enabled, access_token_validity_seconds)
                values (?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (client_id) do update set scope = excluded.scope, grant_types = excluded.grant_types,
                    enabled = excluded.enabled, access_token_validity_seconds = excluded.access_token_validity_seconds""",
                credential.clientId(), credential.kind().name(), credential.ownerId(), credential.secretHash(),
                String.join(" ", credential.scope()),
                credential.grantTypes().stream().map(Enum::name).sorted().collect(Collectors.joining(" ")),
                credential.enabled(), credential.accessTokenValiditySeconds());
    }

    void updateCredential(String clientId, List<String> scope, Set<GrantType> grantTypes, boolean enabled,
                          Integer accessTokenValiditySeconds) {
        jdbc.update("""
                update directory_credential set scope = ?, grant_types = ?, enabled = ?,
                    access_token_validity_seconds = coalesce(?, access_token_validity_seconds)
                where client_id = ?""",
                String.join(" ", scope), grantTypes.stream().map(Enum::name).sorted().collect(Collectors.joining(" ")),
                enabled, accessTokenValiditySeconds, clientId);
    }

    void removeCredential(String clientId) {
        jdbc.update("delete from directory_credential where client_id = ?", clientId);
    }

    private static Set<String> words(String text) {
        if (text == null || text.isBlank()) {
            return Set.of();
        }
        return new LinkedHashSet<>(Arrays.asList(text.trim().split("\\s+")));
    }
}
