package dev.idcred.shared.credential;

import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.List;

/** A token's description or scope changed; carries both as they now are. */
@Revision("1")
public record PersonalAccessTokenUpdated(String tokenId, String ownerId, String name, List<String> scope,
                                         Instant modifiedAt) implements CredentialEvent {
    @Override
    public String credentialId() {
        return tokenId;
    }

    @Override
    public Instant occurredAt() {
        return modifiedAt;
    }
}
