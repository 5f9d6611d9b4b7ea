package dev.idcred.shared.identity;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/** An identity no longer holds a user level; none of its credentials keeps the level's rights. */
@Revision("1")
public record UserLevelRevoked(String identityId, String level, Instant revokedAt) implements IdentityEvent {
    @Override
    public Instant occurredAt() {
        return revokedAt;
    }
}
