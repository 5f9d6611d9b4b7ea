package dev.idcred.command.signin;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/** {@link SignInSecrets} on PostgreSQL; authenticator secrets are sealed by {@link SignInKeys}. */
@Component
class JdbcSignInSecrets implements SignInSecrets {

    private final JdbcTemplate jdbc;
    private final SignInKeys keys;

    JdbcSignInSecrets(JdbcTemplate jdbc, SignInKeys keys) {
        this.jdbc = jdbc;
        this.keys = keys;
    }

    @Override
    public void storePassword(String identityId, String passwordHash, Instant now) {
        jdbc.update("""
                insert into identity_password (identity_id, password_hash, set_at) values (?, ?, ?)
                on conflict (identity_id) do update set password_hash = excluded.password_hash, set_at = excluded.set_at""",
                identityId, passwordHash, Timestamp.from(now));
    }

    @Override
    public Optional<String> passwordHash(String identityId) {
        return jdbc.query("select password_hash from identity_password where identity_id = ?",
                (row, n) -> row.getString(1), identityId).stream().findFirst();
    }

    @Override
    public void startEnrolment(String identityId, byte[] secret, Instant now) {
        jdbc.update("""
                insert into identity_authenticator (identity_id, sealed_secret, confirmed, started_at)
                values (?, ?, false, ?)
                on conflict (identity_id) do update set sealed_secret = excluded.sealed_secret,
                    started_at = excluded.started_at, confirmed = false, last_step = 0
                where identity_authenticator.confirmed = false""",
                identityId + ":pending", keys.seal(secret), Timestamp.from(now));
    }

    @Override
    public Optional<byte[]> pendingSecret(String identityId) {
        return jdbc.query("select sealed_secret from identity_authenticator where identity_id = ?",
                (row, n) -> keys.unseal(row.getString(1)), identityId + ":pending").stream().findFirst();
    }

    @Override
    public boolean confirmEnrolment(String identityId, long step, List<String> recoveryCodeHashes) {
        String sealed = jdbc.query("select sealed_secret from identity_authenticator where identity_id = ? for update",
                (row, n) -> row.getString(1), identityId + ":pending").stream().findFirst().orElse(null);
        if (sealed == null) {
            return false;
        }
        jdbc.update("delete from identity_authenticator where identity_id in (?, ?)", identityId,
                identityId + ":pending");
        jdbc.update("""
                insert into identity_authenticator (identity_id, sealed_secret, confirmed, last_step, started_at)
                values (?, ?, true, ?, now())""", identityId, sealed, step);
        jdbc.update("delete from identity_recovery_code where identity_id = ?", identityId);
        recoveryCodeHashes.forEach(hash -> jdbc.update(
                "insert into identity_recovery_code (code_hash, identity_id) values (?, ?)", hash, identityId));
        return true;
    }

    @Override
    public Optional<Enrolled> enrolled(String identityId) {
        return jdbc.query("select sealed_secret, last_step from identity_authenticator where identity_id = ?"
                        + " and confirmed", (row, n) -> new Enrolled(keys.unseal(row.getString(1)), row.getLong(2)),
                identityId).stream().findFirst();
    }

    @Override
    public boolean useStep(String identityId, long step) {
        return jdbc.update("update identity_authenticator set last_step = ? where identity_id = ? and confirmed"
                + " and last_step < ?", step, identityId, step) == 1;
    }

    @Override
    public OptionalInt spendRecoveryCode(String identityId, String codeHash) {
        if (jdbc.update("delete from identity_recovery_code where code_hash = ? and identity_id = ?", codeHash,
                identityId) != 1) {
            return OptionalInt.empty();
        }
        Integer left = jdbc.queryForObject("select count(*) from identity_recovery_code where identity_id = ?",
                Integer.class, identityId);
        return OptionalInt.of(left == null ? 0 : left);
    }

    @Override
    public void removeAuthenticator(String identityId) {
        jdbc.update("delete from identity_authenticator where identity_id in (?, ?)", identityId,
                identityId + ":pending");
        jdbc.update("delete from identity_recovery_code where identity_id = ?", identityId);
    }

    @Override
    public void forget(String identityId) {
        removeAuthenticator(identityId);
        jdbc.update("delete from identity_password where identity_id = ?", identityId);
        jdbc.update("delete from sign_in_session where identity_id = ?", identityId);
        jdbc.update("delete from sign_in_failure where identity_id = ?", identityId);
    }
}
