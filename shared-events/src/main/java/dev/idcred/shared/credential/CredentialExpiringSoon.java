package dev.idcred.shared.credential;

import dev.idcred.shared.usage.CredentialKind;
import org.axonframework.serialization.Revision;

import java.time.Instant;

/**
 * A credential expires at {@code expiresAt}, within the tenant's warning period: written once per expiry, by whichever
 * instance notices first, after a downtime too (but never after the expiry itself).
 */
@Revision("1")
public record CredentialExpiringSoon(String credentialId, CredentialKind kind, String ownerId, Instant expiresAt,
                                     Instant warnedAt) implements CredentialEvent {

    @Override
    public Instant occurredAt() {
        return warnedAt;
    }
}
