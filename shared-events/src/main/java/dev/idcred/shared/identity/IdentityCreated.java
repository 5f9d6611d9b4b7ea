package dev.idcred.shared.identity;

import dev.idcred.shared.common.IdentityKind;
import dev.idcred.shared.common.NetworkRules;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/**
 * A person or vendor account joined the tenant. {@code username} is what it signs in with (null: it cannot sign in
 * until it has one; so are the events written before people signed in).
 */
@Revision("1")
public record IdentityCreated(String identityId, String name, IdentityKind kind, Instant tenantAccessExpiresAt,
                              NetworkRules networkRules, Instant createdAt, String username) implements IdentityEvent {
    @Override
    public Instant occurredAt() {
        return createdAt;
    }
}
