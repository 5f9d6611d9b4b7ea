package dev.idcred.shared.apiclient;

import dev.idcred.shared.credential.CredentialEvent;
import org.axonframework.serialization.Revision;

import java.time.Instant;

/** An API client is gone for good; its secret no longer obtains tokens. */
@Revision("1")
public record ApiClientDeleted(String clientId, String ownerId, String keyType, Instant deletedAt) implements CredentialEvent {
    @Override
    public String credentialId() {
        return clientId;
    }

    @Override
    public Instant occurredAt() {
        return deletedAt;
    }
}
