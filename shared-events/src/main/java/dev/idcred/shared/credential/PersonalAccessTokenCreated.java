package dev.idcred.shared.credential;

import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.List;

/**
 * A personal access token came to be. {@code secretHash} is a keyed hash of its first secret, never the secret;
 * {@code expiresAt} is when it stops working (null: never, and in events written before expiry existed).
 */
@Revision("1")
public record PersonalAccessTokenCreated(String tokenId, String ownerId, String name, List<String> scope,
                                         int accessTokenValiditySeconds, String secretHash, Instant createdAt,
                                         Instant expiresAt) implements CredentialEvent {
    @Override
    public String credentialId() {
        return tokenId;
    }

    @Override
    public Instant occurredAt() {
        return createdAt;
    }
}
