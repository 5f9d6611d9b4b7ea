package dev.idcred.shared.credential;

import dev.idcred.shared.apiclient.ApiClientSettings;
import org.axonframework.serialization.Revision;

import java.time.Instant;

/**
 * An API client's settings changed; carries all of them as they now are, and why when the service itself changed them
 * ({@code reason}: an inactivity rule, a leak; null when a caller patched them).
 */
@Revision("1")
public record ApiClientUpdated(String clientId, ApiClientSettings settings, Instant modifiedAt, String reason)
        implements CredentialEvent {
    @Override
    public String credentialId() {
        return clientId;
    }

    @Override
    public Instant occurredAt() {
        return modifiedAt;
    }
}
