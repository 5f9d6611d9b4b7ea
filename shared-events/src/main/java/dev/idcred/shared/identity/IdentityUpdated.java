package dev.idcred.shared.identity;

import dev.idcred.shared.common.NetworkRules;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/**
 * An identity's name, username, tenant-access expiry or network rules changed; carries all of them as they now are
 * ({@code username} null in events written before people signed in: unchanged).
 */
@Revision("1")
public record IdentityUpdated(String identityId, String name, Instant tenantAccessExpiresAt,
                              NetworkRules networkRules, Instant modifiedAt, String username) implements IdentityEvent {
    @Override
    public Instant occurredAt() {
        return modifiedAt;
    }
}
