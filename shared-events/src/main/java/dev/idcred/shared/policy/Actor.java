package dev.idcred.shared.policy;

import dev.idcred.shared.common.IdentityKind;

import java.time.Instant;
import java.util.Set;

/**
 * Who acts: the identity a request comes from, the credential whose token it came with, what kind of identity it is,
 * the rights its token holds now (the token's scope ∩ its credential's rights now), and, for a vendor account, when
 * its tenant access ends. Every command that changes what someone may do is handled with its actor, and
 * {@link CredentialPolicy} decides with it.
 *
 * @param identityId   the acting identity, or {@link #SYSTEM_ID} for the service's own work
 * @param credentialId the credential whose token the request came with (null for the service's own work)
 * @param kind         the acting identity's kind
 * @param rights       the rights the acting token holds now
 * @param accessEndsAt when a vendor account's tenant access ends (null: never)
 * @param service      true only for the service itself, applying the tenant's rules
 */
public record Actor(String identityId, String credentialId, IdentityKind kind, Set<String> rights,
                    Instant accessEndsAt, boolean service) {

    public static final String SYSTEM_ID = "system";

    /** The service itself, applying the tenant's rules (expiry, disuse, leaks, a vendor's end of access). */
    public static final Actor SYSTEM = new Actor(SYSTEM_ID, null, IdentityKind.USER, Set.of(), null, true);

    public Actor {
        rights = rights == null ? Set.of() : Set.copyOf(rights);
        kind = kind == null ? IdentityKind.USER : kind;
    }

    /** A person or account acting with a token that holds {@code rights} now. */
    public static Actor of(String identityId, String credentialId, IdentityKind kind, Set<String> rights,
                           Instant accessEndsAt) {
        return new Actor(identityId, credentialId, kind, rights, accessEndsAt, false);
    }

    /** An actor the service knows nothing of: it holds no right, so it may do only what is open to anyone. */
    public static Actor unknown(String identityId) {
        return new Actor(identityId == null ? "unknown" : identityId, null, IdentityKind.USER, Set.of(), null, false);
    }

    public boolean isVendorAccount() {
        return !service && kind.isVendorAccount();
    }

    public boolean holds(String right) {
        return service || rights.contains(right);
    }

    /** True if the actor holds every one of {@code needed} now. */
    public boolean holdsAll(Set<String> needed) {
        return service || rights.containsAll(needed);
    }

    public boolean is(String otherIdentityId) {
        return !service && identityId.equals(otherIdentityId);
    }
}
