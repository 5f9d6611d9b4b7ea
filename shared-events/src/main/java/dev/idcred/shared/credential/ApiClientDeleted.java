package dev.idcred.shared.credential;

import dev.idcred.shared.usage.CredentialKind;
import org.axonframework.serialization.Revision;

import java.time.Instant;

/** An API client is gone for good; its secret no longer obtains tokens. */
@Revision("1")
public record ApiClientDeleted(String clientId, String ownerId, String keyType, Instant deletedAt) implements CredentialDeleted {

    @Override
    public String credentialId() {
        return clientId;
    }

    @Override
    public CredentialKind kind() {
        return CredentialKind.API_CLIENT;
    }
}
