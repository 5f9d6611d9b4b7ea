package dev.idcred.shared.credential;

import dev.idcred.shared.apiclient.ApiClientSettings;
import org.axonframework.serialization.Revision;

import java.time.Instant;

/**
 * An API client came to be. {@code secretHash} is a keyed hash of its first secret, never the secret; {@code expiresAt}
 * is when it stops working (null: never, and in events written before expiry existed).
 */
@Revision("1")
public record ApiClientCreated(String clientId, String ownerId, String keyType, ApiClientSettings settings,
                               String secretHash, Instant createdAt, Instant expiresAt) implements CredentialEvent {
    @Override
    public String credentialId() {
        return clientId;
    }

    @Override
    public Instant occurredAt() {
        return createdAt;
    }
}
