package dev.idcred.shared.identity;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/** An identity now holds a user level; its sp:scopes:all credentials take on the level's rights. */
@Revision("1")
public record UserLevelGranted(String identityId, String level, Instant grantedAt) implements IdentityEvent {
    @Override
    public Instant occurredAt() {
        return grantedAt;
    }
}
