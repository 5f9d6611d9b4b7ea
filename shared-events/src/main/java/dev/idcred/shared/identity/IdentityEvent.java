package dev.idcred.shared.identity;

import java.time.Instant;

/**
 * An event that changes what an identity's credentials may do: its user levels, tenant-access expiry or network
 * rules. Folded by {@link OwnerFacts#fold}.
 */
public sealed interface IdentityEvent permits IdentityCreated, IdentityUpdated, UserLevelGranted, UserLevelRevoked,
        ConsentGranted, ConsentWithdrawn, IdentityDeleted {

    String identityId();

    /** The business instant the change took effect. */
    Instant occurredAt();
}
