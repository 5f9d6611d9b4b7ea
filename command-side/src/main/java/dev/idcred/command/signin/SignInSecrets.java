package dev.idcred.command.signin;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * What proves who someone is, kept beside the log and never in it, written in the transaction of the command that
 * changes it: a password's slow hash, an authenticator's sealed secret and the last time step it was used for, and
 * recovery codes' keyed hashes.
 */
public interface SignInSecrets {

    void storePassword(String identityId, String passwordHash, Instant now);

    Optional<String> passwordHash(String identityId);

    /** Starts (or restarts) enrolling an authenticator app with {@code secret}; the enrolled one, if any, stays. */
    void startEnrolment(String identityId, byte[] secret, Instant now);

    /** The secret being enrolled, if an enrolment was started and not confirmed. */
    Optional<byte[]> pendingSecret(String identityId);

    /**
     * Confirms the pending authenticator with the time step of its first code and replaces the recovery codes;
     * false if no enrolment was pending.
     */
    boolean confirmEnrolment(String identityId, long step, List<String> recoveryCodeHashes);

    /** The enrolled authenticator's secret and the last step a code was accepted for. */
    Optional<Enrolled> enrolled(String identityId);

    record Enrolled(byte[] secret, long lastStep) {
    }

    /** Records that a code for {@code step} was accepted; false if one for that step or a later one already was. */
    boolean useStep(String identityId, long step);

    /** Spends a recovery code; the number left, or empty if it was not one of the identity's unspent codes. */
    OptionalInt spendRecoveryCode(String identityId, String codeHash);

    void removeAuthenticator(String identityId);

    /** Everything sign-in kept for the identity goes: its password, authenticator, recovery codes and sessions. */
    void forget(String identityId);
}
