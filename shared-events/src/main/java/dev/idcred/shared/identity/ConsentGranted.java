package dev.idcred.shared.identity;

import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.List;

/**
 * A person let an API client act for them with {@code scope} (rights, and the protocol scopes {@code openid} and
 * {@code profile}); a later grant to the same client replaces it.
 */
@Revision("1")
public record ConsentGranted(String identityId, String clientId, List<String> scope, Instant grantedAt)
        implements IdentityEvent {
    @Override
    public Instant occurredAt() {
        return grantedAt;
    }
}
