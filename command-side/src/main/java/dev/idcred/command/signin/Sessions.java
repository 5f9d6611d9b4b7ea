package dev.idcred.command.signin;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Browser sessions on the service's own pages (sign-in, authorization, account), kept by the SHA-256 of their id:
 * the cookie is the only place the id is. Each step of signing in begins a new session (a new id), so an id seen before
 * sign-in is worth nothing after it. A session ends at sign-out, after {@link #IDLE} without use, {@link #ABSOLUTE}
 * after sign-in whatever its use, and a half-done one (awaiting the second factor) after {@link #PENDING}.
 */
@Component
public class Sessions {

    public static final Duration IDLE = Duration.ofMinutes(30);
    public static final Duration ABSOLUTE = Duration.ofHours(12);
    public static final Duration PENDING = Duration.ofMinutes(5);
    /** A session's last use is written at most this often. */
    private static final Duration TOUCH = Duration.ofMinutes(1);

    /** How far a session has come. */
    public enum State {
        /** The password was right; the authenticator's code is next. */
        AWAITING_SECOND_FACTOR,
        /** Signed in, but the tenant requires an authenticator app the person has not enrolled: only enrolment. */
        MUST_ENROL,
        SIGNED_IN
    }

    /** A live session. */
    public record Session(String id, String identityId, State state, List<String> methods, Instant authenticatedAt) {
    }

    private final JdbcTemplate jdbc;
    private final SignInKeys keys;

    Sessions(JdbcTemplate jdbc, SignInKeys keys) {
        this.jdbc = jdbc;
        this.keys = keys;
    }

    /** Begins a session in {@code state}, ending {@code previous} if given; answers the new session's id. */
    public Session begin(String identityId, State state, List<String> methods, String previous, Instant now) {
        if (previous != null) {
            end(previous);
        }
        String id = keys.randomToken(32);
        jdbc.update("""
                insert into sign_in_session (session_hash, identity_id, state, methods, created_at, authenticated_at,
                    last_seen_at) values (?, ?, ?, ?, ?, ?, ?)""",
                SignInKeys.sha256(id), identityId, state.name(), String.join(" ", methods), Timestamp.from(now),
                state == State.AWAITING_SECOND_FACTOR ? null : Timestamp.from(now), Timestamp.from(now));
        return new Session(id, identityId, state, methods, state == State.AWAITING_SECOND_FACTOR ? null : now);
    }

    /** The live session with this id; an expired one is ended. */
    public Optional<Session> find(String id, Instant now) {
        if (id == null || id.length() != 43) {
            return Optional.empty();
        }
        String hash = SignInKeys.sha256(id);
        record Row(String identityId, State state, List<String> methods, Instant created, Instant authenticated,
                   Instant lastSeen) {
        }
        Optional<Row> row = jdbc.query("""
                        select identity_id, state, methods, created_at, authenticated_at, last_seen_at
                        from sign_in_session where session_hash = ?""",
                (r, n) -> new Row(r.getString(1), State.valueOf(r.getString(2)),
                        List.of(r.getString(3).split(" ")), r.getTimestamp(4).toInstant(),
                        r.getTimestamp(5) == null ? null : r.getTimestamp(5).toInstant(),
                        r.getTimestamp(6).toInstant()), hash).stream().findFirst();
        if (row.isEmpty()) {
            return Optional.empty();
        }
        Row s = row.get();
        boolean expired = s.state() == State.AWAITING_SECOND_FACTOR ? !now.isBefore(s.created().plus(PENDING))
                : !now.isBefore(s.lastSeen().plus(IDLE)) || !now.isBefore(s.authenticated().plus(ABSOLUTE));
        if (expired) {
            end(id);
            return Optional.empty();
        }
        if (!now.isBefore(s.lastSeen().plus(TOUCH))) {
            jdbc.update("update sign_in_session set last_seen_at = ? where session_hash = ?", Timestamp.from(now),
                    hash);
        }
        return Optional.of(new Session(id, s.identityId(), s.state(), s.methods(), s.authenticated()));
    }

    public void end(String id) {
        if (id != null) {
            jdbc.update("delete from sign_in_session where session_hash = ?", SignInKeys.sha256(id));
        }
    }

    /** Every session of the identity ends (a new password, a removed authenticator, the identity removed). */
    public void endAllOf(String identityId) {
        jdbc.update("delete from sign_in_session where identity_id = ?", identityId);
    }

    /** Sessions idle or past their absolute lifetime are deleted, so the table holds only live ones. */
    public int sweep(Instant now) {
        return jdbc.update("""
                delete from sign_in_session where last_seen_at < ? or authenticated_at < ?
                    or (state = 'AWAITING_SECOND_FACTOR' and created_at < ?)""",
                Timestamp.from(now.minus(IDLE)), Timestamp.from(now.minus(ABSOLUTE)),
                Timestamp.from(now.minus(PENDING)));
    }
}
