package dev.idcred.command.hygiene;

import dev.idcred.shared.hygiene.TenantPolicy;
import dev.idcred.shared.usage.CredentialKind;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

/**
 * The credentials one of the tenant's time-based rules is due for, from the authorization table's columns (each
 * condition an indexed range): an expiry to warn of or to note, a disuse to warn of or to act on. A credential is
 * due only until its notice is written, so a due credential is found again only while its review has not happened.
 */
@Component
class HygieneCandidates {

    static final int BATCH = 500;

    record Candidate(String credentialId, CredentialKind kind) {
    }

    private final JdbcTemplate jdbc;

    HygieneCandidates(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    List<Candidate> dueAt(Instant now, TenantPolicy policy) {
        Timestamp at = Timestamp.from(now);
        Timestamp warnFrom = Timestamp.from(now.plus(policy.expiryWarning()));
        boolean disuse = policy.inactivityLimit() != null;
        Timestamp actBefore = disuse ? Timestamp.from(now.minus(policy.inactivityLimit())) : at;
        Timestamp warnBefore = disuse ? Timestamp.from(now.minus(policy.inactivityLimit())
                .plus(policy.inactivityWarning())) : at;
        return jdbc.query("""
                        select credential_id, kind from access_credential
                        where (expires_at <= ? and expires_at > ? and expiry_warned_for is distinct from expires_at)
                           or (expires_at <= ? and expiry_noted_for is distinct from expires_at)
                           or (? and enabled and key_type is distinct from 'VA' and last_active_at <= ?
                               and (last_active_at <= ? or inactivity_warned_for is distinct from last_active_at))
                        order by credential_id limit ?""",
                (row, n) -> new Candidate(row.getString(1), CredentialKind.valueOf(row.getString(2))),
                warnFrom, at, at, disuse, warnBefore, actBefore, BATCH);
    }
}
