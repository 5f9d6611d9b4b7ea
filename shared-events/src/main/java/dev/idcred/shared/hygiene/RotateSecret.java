package dev.idcred.shared.hygiene;

import dev.idcred.shared.usage.CredentialKind;

import java.time.Instant;

/**
 * Replace a credential's secret with the one whose keyed hash is {@code secretHash}. The secrets valid now stay valid
 * for {@code gracePeriodSeconds} (null: a day; 0 to 7 days). {@code expiresAt}, if given, becomes the credential's
 * expiry. Answers a {@link Rotation}.
 */
public record RotateSecret(String credentialId, CredentialKind kind, String secretHash, Integer gracePeriodSeconds,
                           Instant expiresAt) {

    /** The new version, until when the earlier ones stay valid, and the credential's expiry from now on. */
    public record Rotation(String credentialId, int version, Instant previousValidUntil, Instant expiresAt) {
    }
}
