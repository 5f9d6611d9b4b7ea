package dev.idcred.shared.credential;

import dev.idcred.shared.usage.CredentialKind;
import org.axonframework.serialization.Revision;

import java.time.Instant;

/**
 * A credential has not been used since {@code unusedSince} (its creation, if never), and the tenant's inactivity rule
 * will act on it at {@code actionAt} (an API client is disabled, a personal access token deleted) unless it is used
 * before. Written once per stretch of disuse.
 */
@Revision("1")
public record CredentialUnusedWarning(String credentialId, CredentialKind kind, String ownerId, Instant unusedSince,
                                      Instant actionAt, Instant warnedAt) implements CredentialEvent {

    @Override
    public Instant occurredAt() {
        return warnedAt;
    }
}
