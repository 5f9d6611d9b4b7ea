package dev.idcred.command.oauth;

import dev.idcred.command.signin.SignInKeys;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Authorization codes (RFC 6749 §4.1.2), kept by the SHA-256 of the code: valid for {@link #VALIDITY}, for one use,
 * bound to the client, the redirect URI and the PKCE challenge they were issued with. A second use finds what the
 * first issued, so that it can be revoked (RFC 6749 §4.1.2, RFC 9700 §4.5).
 */
@Component
class AuthorizationCodes {

    static final Duration VALIDITY = Duration.ofSeconds(60);

    /** What a code was issued for. */
    record Grant(String clientId, String identityId, String redirectUri, String codeChallenge, List<String> scope,
                 String nonce, Instant authTime, Instant expiresAt) {
    }

    /** A redemption: the code's grant on its first use; on a later one, what the first use issued. */
    sealed interface Redemption {
    }

    record First(String codeHash, Grant grant) implements Redemption {
    }

    record Replayed(String clientId, String issuedJti, String issuedFamily) implements Redemption {
    }

    record Unknown() implements Redemption {
    }

    private final JdbcTemplate jdbc;
    private final SignInKeys keys;

    AuthorizationCodes(JdbcTemplate jdbc, SignInKeys keys) {
        this.jdbc = jdbc;
        this.keys = keys;
    }

    String issue(Grant grant) {
        String code = keys.randomToken(32);
        jdbc.update("""
                insert into authorization_code (code_hash, client_id, identity_id, redirect_uri, code_challenge, scope,
                    nonce, auth_time, expires_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                SignInKeys.sha256(code), grant.clientId(), grant.identityId(), grant.redirectUri(),
                grant.codeChallenge(), String.join(" ", grant.scope()), grant.nonce(), Timestamp.from(grant.authTime()),
                Timestamp.from(grant.expiresAt()));
        return code;
    }

    /** Spends the code, whatever else is wrong with the request: a code is tried once. */
    Redemption redeem(String code, Instant now) {
        if (code == null || code.length() != 43) {
            return new Unknown();
        }
        String hash = SignInKeys.sha256(code);
        Optional<Grant> first = jdbc.query("""
                        update authorization_code set consumed_at = ? where code_hash = ? and consumed_at is null
                        returning client_id, identity_id, redirect_uri, code_challenge, scope, nonce, auth_time,
                            expires_at""",
                (row, n) -> new Grant(row.getString(1), row.getString(2), row.getString(3), row.getString(4),
                        row.getString(5).isEmpty() ? List.of() : List.of(row.getString(5).split(" ")),
                        row.getString(6), row.getTimestamp(7).toInstant(), row.getTimestamp(8).toInstant()),
                Timestamp.from(now), hash).stream().findFirst();
        if (first.isPresent()) {
            return new First(hash, first.get());
        }
        return jdbc.query("select client_id, issued_jti, issued_family from authorization_code where code_hash = ?",
                (row, n) -> (Redemption) new Replayed(row.getString(1), row.getString(2), row.getString(3)), hash)
                .stream().findFirst().orElse(new Unknown());
    }

    void issued(String codeHash, String jti, String familyId) {
        jdbc.update("update authorization_code set issued_jti = ?, issued_family = ? where code_hash = ?", jti,
                familyId, codeHash);
    }

    /** Codes expired for a day are deleted: long enough to recognise a replay, short enough to keep little. */
    int sweep(Instant now) {
        return jdbc.update("delete from authorization_code where expires_at < ?",
                Timestamp.from(now.minus(Duration.ofDays(1))));
    }
}
