package dev.idcred.command.credential;

import java.time.Instant;

/**
 * The body of {@code POST .../{id}/secret}, and its answer: the new secret (shown this once), its version, until when
 * the earlier secrets keep working, and the credential's expiry from now on.
 */
public final class SecretRotationBody {

    private SecretRotationBody() {
    }

    /** {@code gracePeriodSeconds}: 0 to 604 800, a day if absent; {@code expiresAt}: a new expiry, if any. */
    public record Request(Integer gracePeriodSeconds, Instant expiresAt) {
        public static final Request DEFAULTS = new Request(null, null);
    }

    public record Response(String id, String secret, int secretVersion, Instant previousSecretsValidUntil,
                           Instant expiresAt) {
    }
}
