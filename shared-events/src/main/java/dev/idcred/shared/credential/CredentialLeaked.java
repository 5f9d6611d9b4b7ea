package dev.idcred.shared.credential;

import dev.idcred.shared.usage.CredentialKind;
import org.axonframework.serialization.Revision;

import java.time.Instant;

/**
 * A scanner found secret version {@code secretVersion} of this credential where it should not be ({@code sourceUrl}),
 * reported by {@code reporterId}: the version ends at once, and the credential is stopped (a personal access token
 * deleted, an API client disabled) by the event that follows.
 */
@Revision("1")
public record CredentialLeaked(String credentialId, CredentialKind kind, String ownerId, int secretVersion,
                               String reporterId, String sourceUrl, Instant reportedAt) implements CredentialEvent {

    @Override
    public Instant occurredAt() {
        return reportedAt;
    }
}
