package dev.idcred.shared.credential;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/** An access token of the credential no longer works, though it has not expired ({@code expiresAt}). */
@Revision("1")
public record AccessTokenRevoked(String credentialId, String ownerId, String jti, Instant expiresAt, String reason,
                                 Instant revokedAt) implements CredentialEvent {
    @Override
    public Instant occurredAt() {
        return revokedAt;
    }
}
