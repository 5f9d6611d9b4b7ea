package dev.idcred.shared.identity;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/**
 * An identity left the tenant: from this instant its credentials, sessions and consents are over, and every token
 * they issued stops. The log keeps its history.
 */
@Revision("1")
public record IdentityDeleted(String identityId, String reason, Instant deletedAt) implements IdentityEvent {
    @Override
    public Instant occurredAt() {
        return deletedAt;
    }
}
