package dev.idcred.shared.identity;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/** A person no longer lets an API client act for them: every token the consent led to stops. */
@Revision("1")
public record ConsentWithdrawn(String identityId, String clientId, String reason, Instant withdrawnAt)
        implements IdentityEvent {
    @Override
    public Instant occurredAt() {
        return withdrawnAt;
    }
}
