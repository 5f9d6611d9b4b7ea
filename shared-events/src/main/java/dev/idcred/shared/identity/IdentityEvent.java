package dev.idcred.shared.identity;

import java.time.Instant;

/**
 * An event that changes what an identity's credentials may do: its user levels, tenant-access expiry or network
 * rules, its consents, its deletion. Folded by {@link dev.idcred.shared.credential.OwnerFacts#fold}; sealed, so an
 * event added here is a compile error in that fold until it says what the event means.
 */
public sealed interface IdentityEvent permits IdentityCreated, IdentityUpdated, UserLevelGranted, UserLevelRevoked,
        ConsentGranted, ConsentWithdrawn, IdentityDeleted {

    String identityId();

    /** The business instant the change took effect. */
    Instant occurredAt();
}
