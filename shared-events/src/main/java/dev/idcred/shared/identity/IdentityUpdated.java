package dev.idcred.shared.identity;

import dev.idcred.shared.common.NetworkRules;
import dev.idcred.shared.credential.IdentityEvent;
import org.axonframework.serialization.Revision;

import java.time.Instant;

/** An identity's name, tenant-access expiry or network rules changed; carries all three as they now are. */
@Revision("1")
public record IdentityUpdated(String identityId, String name, Instant tenantAccessExpiresAt,
                              NetworkRules networkRules, Instant modifiedAt) implements IdentityEvent {
    @Override
    public Instant occurredAt() {
        return modifiedAt;
    }
}
