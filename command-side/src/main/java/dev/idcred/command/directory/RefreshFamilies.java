package dev.idcred.command.directory;

import dev.idcred.shared.token.RefreshTokenIssued;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The refresh-token families the token and introspection endpoints look up by id: each family's client, the keyed
 * hash and expiry of its current token, when it began, and whether it was revoked. Their rotation rules are the
 * {@code RefreshTokenFamily} aggregate's; this table is what a token request reads in one query.
 */
@Component
public class RefreshFamilies {

    /**
     * A family: its client, and the keyed hash and expiry of its current (unspent) token; for the authorization-code
     * grant, the person it acts for and the scope they consented to.
     */
    public record Family(String familyId, String clientId, String ownerId, String secretHash, Instant expiresAt,
                         Instant startedAt, boolean revoked, String identityId, List<String> scope) {

        /** The identity the family's tokens act for: the person, or the client's owner. */
        public String actingFor() {
            return identityId != null ? identityId : ownerId;
        }

        public boolean delegated() {
            return identityId != null;
        }
    }

    private final JdbcTemplate jdbc;

    RefreshFamilies(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Family> find(String familyId) {
        return jdbc.query("""
                        select family_id, client_id, owner_id, secret_hash, expires_at, started_at, revoked,
                            identity_id, delegated_scope
                        from refresh_token_family where family_id = ?""",
                (row, n) -> new Family(row.getString(1), row.getString(2), row.getString(3), row.getString(4),
                        row.getTimestamp(5).toInstant(),
                        row.getTimestamp(6) == null ? null : row.getTimestamp(6).toInstant(), row.getBoolean(7),
                        row.getString(8), row.getString(9) == null ? List.of()
                                : List.of(row.getString(9).split(" "))),
                familyId).stream().findFirst();
    }

    void start(RefreshTokenIssued event) {
        jdbc.update("""
                insert into refresh_token_family (family_id, client_id, owner_id, secret_hash, expires_at, started_at,
                    identity_id, delegated_scope)
                values (?, ?, ?, ?, ?, ?, ?, ?)""",
                event.familyId(), event.clientId(), event.ownerId(), event.secretHash(),
                Timestamp.from(event.expiresAt()), Timestamp.from(event.issuedAt()), event.actingFor(),
                event.scope() == null ? null : String.join(" ", event.scope()));
    }

    void rotate(String familyId, String secretHash, Instant expiresAt) {
        jdbc.update("update refresh_token_family set secret_hash = ?, expires_at = ? where family_id = ?",
                secretHash, Timestamp.from(expiresAt), familyId);
    }

    void markRevoked(String familyId) {
        jdbc.update("update refresh_token_family set revoked = true where family_id = ?", familyId);
    }
}
