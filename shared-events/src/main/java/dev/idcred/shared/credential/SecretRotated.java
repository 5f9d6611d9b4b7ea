package dev.idcred.shared.credential;

import dev.idcred.shared.usage.CredentialKind;
import org.axonframework.serialization.Revision;

import java.time.Instant;

/**
 * A credential's secret was replaced: version {@code version} (its keyed hash, never the secret) is current from
 * {@code rotatedAt}; every earlier version still valid stays valid until {@code previousValidUntil} (the grace
 * period), never longer. {@code expiresAt} is the credential's expiry from now on (null: none).
 */
@Revision("1")
public record SecretRotated(String credentialId, CredentialKind kind, String ownerId, int version, String secretHash,
                            Instant previousValidUntil, Instant expiresAt, Instant rotatedAt)
        implements CredentialEvent {

    @Override
    public Instant occurredAt() {
        return rotatedAt;
    }
}
