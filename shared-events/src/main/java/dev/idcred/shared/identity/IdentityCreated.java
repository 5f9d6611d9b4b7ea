package dev.idcred.shared.identity;

import dev.idcred.shared.common.IdentityKind;
import dev.idcred.shared.common.NetworkRules;
import dev.idcred.shared.credential.IdentityEvent;
import org.axonframework.serialization.Revision;

import java.time.Instant;

/** A person or vendor account joined the tenant. */
@Revision("1")
public record IdentityCreated(String identityId, String name, IdentityKind kind, Instant tenantAccessExpiresAt,
                              NetworkRules networkRules, Instant createdAt) implements IdentityEvent {
    @Override
    public Instant occurredAt() {
        return createdAt;
    }
}
