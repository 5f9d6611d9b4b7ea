package dev.idcred.shared.pat;

import dev.idcred.shared.credential.CredentialEvent;
import org.axonframework.serialization.Revision;

import java.time.Instant;

/** A token is gone for good, with the reason (a user's request, or an expiry the service enforced). */
@Revision("1")
public record PersonalAccessTokenDeleted(String tokenId, String ownerId, String reason, Instant deletedAt) implements CredentialEvent {
    @Override
    public String credentialId() {
        return tokenId;
    }

    @Override
    public Instant occurredAt() {
        return deletedAt;
    }
}
