package dev.idcred.shared.credential;

import dev.idcred.shared.usage.CredentialKind;
import org.axonframework.serialization.Revision;

import java.time.Instant;

/** A token is gone for good, with the reason (a user's request, or an expiry the service enforced). */
@Revision("1")
public record PersonalAccessTokenDeleted(String tokenId, String ownerId, String reason, Instant deletedAt) implements CredentialDeleted {

    @Override
    public String credentialId() {
        return tokenId;
    }

    @Override
    public CredentialKind kind() {
        return CredentialKind.PERSONAL_ACCESS_TOKEN;
    }
}
