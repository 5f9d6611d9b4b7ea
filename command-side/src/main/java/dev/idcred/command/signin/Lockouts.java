package dev.idcred.command.signin;

import dev.idcred.shared.signin.SignInSettings;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

/**
 * Failed sign-ins per identity within the tenant's lockout window ({@code sign_in_failure}), shared by every
 * instance: {@code maximumAttempts} failures within {@code lockoutWindow} lock the identity for
 * {@code lockoutDuration}. A wrong password and a wrong code count alike.
 */
@Component
class Lockouts {

    /** A failure that locked the identity: how many failures, and until when. */
    record Locked(int failures, Instant until) {
    }

    private final JdbcTemplate jdbc;

    Lockouts(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    boolean lockedAt(String identityId, Instant now) {
        return jdbc.query("select locked_until from sign_in_failure where identity_id = ?",
                        (row, n) -> row.getTimestamp(1), identityId).stream()
                .anyMatch(until -> until != null && now.isBefore(until.toInstant()));
    }

    /** Counts a failure; answers the lockout it caused, if it caused one. */
    Optional<Locked> failed(String identityId, SignInSettings settings, Instant now) {
        Timestamp windowStart = Timestamp.from(now.minus(settings.lockoutWindow()));
        Integer failures = jdbc.queryForObject("""
                insert into sign_in_failure (identity_id, window_started, failures) values (?, ?, 1)
                on conflict (identity_id) do update set
                    failures = case when sign_in_failure.window_started < ? then 1 else sign_in_failure.failures + 1 end,
                    window_started = case when sign_in_failure.window_started < ? then excluded.window_started
                                          else sign_in_failure.window_started end
                returning failures""", Integer.class, identityId, Timestamp.from(now), windowStart, windowStart);
        int count = failures == null ? 1 : failures;
        if (count < settings.maximumAttempts()) {
            return Optional.empty();
        }
        Instant until = now.plus(settings.lockoutDuration());
        jdbc.update("update sign_in_failure set locked_until = ?, failures = 0, window_started = ?"
                + " where identity_id = ?", Timestamp.from(until), Timestamp.from(now), identityId);
        return Optional.of(new Locked(count, until));
    }

    void succeeded(String identityId) {
        jdbc.update("delete from sign_in_failure where identity_id = ?", identityId);
    }
}
