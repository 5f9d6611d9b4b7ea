package dev.idcred.shared.policy;

import dev.idcred.shared.common.DomainException;
import dev.idcred.shared.common.ErrorCode;
import dev.idcred.shared.common.IdentityKind;
import dev.idcred.shared.common.Rights;
import dev.idcred.shared.common.RightsCatalogue;
import dev.idcred.shared.credential.OwnerFacts;

import java.time.Instant;
import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;

/**
 * Who may do what to whose credential, and to whose levels: the one home of these rules. The rights catalogue decides
 * which endpoints a token may call at all; this policy decides, once the call is in, whether what it asks for may be
 * done for this actor on this owner's behalf. Every command handler that creates, re-scopes, rotates or deletes a
 * credential, and every change of identities and levels, asks it; the query side asks it which credentials an actor
 * may see.
 *
 * <ul>
 *     <li><b>No escalation.</b> A create, patch or rotation never hands its caller a credential whose rights now exceed
 *     the calling token's own rights now ({@link #ensureMayHand}).</li>
 *     <li><b>Another owner's credential.</b> Rotating or re-scoping it needs at least that owner's rights
 *     ({@link #ensureMayTakeOver}); personal access tokens of others need {@code idn:all-personal-access-tokens:*}
 *     and are otherwise not found.</li>
 *     <li><b>Levels.</b> Only levels whose rights the caller holds now may be granted or revoked, and no one grants a
 *     level to themselves ({@link #ensureMayChangeLevel}).</li>
 *     <li><b>Vendor accounts</b> (SUPPORT, SERVICES) never outlast their tenant access: they may not change their own
 *     identity or levels, nor create, rotate or re-scope credentials of others, and nothing they create or grant may
 *     outlive their access ({@link #ensureMayCreateIdentity}, {@link #ensureMayChangeIdentity}).</li>
 * </ul>
 */
public final class CredentialPolicy {

    private final RightsCatalogue catalogue;

    public CredentialPolicy(RightsCatalogue catalogue) {
        this.catalogue = catalogue;
    }

    /**
     * True if the actor may see the personal access tokens of {@code ownerId} (null: of every identity, which needs
     * {@code idn:all-personal-access-tokens:read}).
     */
    public boolean mayReadTokensOf(Actor actor, String ownerId) {
        return actor.holds(Rights.ALL_PATS_READ)
                || actor.is(ownerId) && (actor.holds(Rights.MY_PATS_READ) || actor.holds(Rights.MY_PATS_MANAGE));
    }

    /**
     * True if the actor may see what the personal access tokens of {@code ownerId} (null: of every identity) could
     * do and did: whoever may read them, and whoever reads the audit trail.
     */
    public boolean mayReviewExposureOf(Actor actor, String ownerId) {
        return actor.holds(Rights.AUDIT_READ) || mayReadTokensOf(actor, ownerId);
    }

    /**
     * The one owner whose personal access tokens' exposure the actor is limited to, so the report is refused before
     * the log is read: null if they may review every identity's.
     */
    public String exposureLimitedTo(Actor actor) {
        return mayReviewExposureOf(actor, null) ? null : actor.identityId();
    }

    /** True if the actor may change or delete the personal access tokens of {@code ownerId}. */
    public boolean mayManageTokensOf(Actor actor, String ownerId) {
        if (actor.is(ownerId)) {
            return actor.holds(Rights.MY_PATS_MANAGE) || actor.holds(Rights.ALL_PATS_MANAGE);
        }
        return actor.holds(Rights.ALL_PATS_MANAGE) && !actor.isVendorAccount();
    }

    /** A token of someone the actor may not manage answers as not found, so its existence is not revealed. */
    public void ensureMayManageToken(Actor actor, String ownerId, String tokenId) {
        if (!mayManageTokensOf(actor, ownerId)) {
            throw new DomainException(ErrorCode.NOT_FOUND, "No such personal access token: " + tokenId);
        }
    }

    /** Making a credential owned by someone else: the right to manage every identity's tokens, and no vendor account. */
    public void ensureMayCreateFor(Actor actor, OwnerFacts owner) {
        if (actor.service() || actor.is(owner.identityId())) {
            return;
        }
        if (actor.isVendorAccount()) {
            throw new DomainException(ErrorCode.FORBIDDEN, actor.kind() + " accounts may create credentials only"
                    + " for themselves");
        }
        if (!actor.holds(Rights.ALL_PATS_MANAGE)) {
            throw new DomainException(ErrorCode.FORBIDDEN,
                    "Creating a token for another identity needs " + Rights.ALL_PATS_MANAGE);
        }
    }

    /**
     * The credential the caller is about to be handed (made, re-scoped or given a new secret), with {@code scope}
     * and owned by {@code owner}, may hold now only rights the calling token holds now.
     */
    public void ensureMayHand(Actor actor, Collection<String> scope, OwnerFacts owner) {
        Set<String> missing = new TreeSet<>(catalogue.effectiveRights(scope, owner.levels()));
        if (actor.service()) {
            return;
        }
        missing.removeAll(actor.rights());
        if (!missing.isEmpty()) {
            throw new DomainException(ErrorCode.FORBIDDEN, "The credential would hold rights the calling token does"
                    + " not hold now: " + missing);
        }
    }

    /**
     * Rotating or re-scoping a credential of another owner: never by a vendor account, and only with at least the
     * owner's rights, so no one takes over a credential that can do more than they can.
     */
    public void ensureMayTakeOver(Actor actor, OwnerFacts owner) {
        if (actor.service() || actor.is(owner.identityId())) {
            return;
        }
        if (actor.isVendorAccount()) {
            throw new DomainException(ErrorCode.FORBIDDEN, actor.kind() + " accounts may not rotate or re-scope"
                    + " credentials of others");
        }
        Set<String> missing = new TreeSet<>(catalogue.rightsOf(owner.levels()));
        missing.removeAll(actor.rights());
        if (!missing.isEmpty()) {
            throw new DomainException(ErrorCode.FORBIDDEN, "Rotating or re-scoping a credential of "
                    + owner.identityId() + " needs at least its owner's rights; the calling token lacks " + missing);
        }
    }

    /**
     * Granting or revoking {@code level} on {@code target}: only a level whose rights the calling token holds now, never
     * a grant to oneself, never a change of one's own levels by a vendor account, and a vendor account grants only to
     * accounts whose access ends no later than its own.
     */
    public void ensureMayChangeLevel(Actor actor, OwnerFacts target, String level, boolean grant) {
        if (actor.service()) {
            return;
        }
        if (actor.is(target.identityId()) && (grant || actor.isVendorAccount())) {
            throw new DomainException(ErrorCode.FORBIDDEN, grant ? "No one may grant a user level to themselves"
                    : actor.kind() + " accounts may not change their own user levels");
        }
        Set<String> missing = new TreeSet<>(catalogue.rightsOf(Set.of(level)));
        missing.removeAll(catalogue.everyIdentity());
        missing.removeAll(actor.rights());
        if (!missing.isEmpty()) {
            throw new DomainException(ErrorCode.FORBIDDEN, (grant ? "Granting " : "Revoking ") + level
                    + " needs its rights; the calling token lacks " + missing);
        }
        if (grant && actor.isVendorAccount() && outlasts(target.tenantAccessExpiresAt(), actor.accessEndsAt())) {
            throw new DomainException(ErrorCode.FORBIDDEN, "What a " + actor.kind() + " account grants must end with"
                    + " its tenant access: " + target.identityId() + "'s access outlasts it");
        }
    }

    /** A vendor account makes only vendor accounts whose access ends no later than its own. */
    public void ensureMayCreateIdentity(Actor actor, IdentityKind kind, Instant tenantAccessExpiresAt) {
        if (actor.isVendorAccount() && (!kind.isVendorAccount()
                || outlasts(tenantAccessExpiresAt, actor.accessEndsAt()))) {
            throw new DomainException(ErrorCode.FORBIDDEN, "What a " + actor.kind() + " account creates must end with"
                    + " its tenant access: only SUPPORT or SERVICES identities whose access ends by "
                    + actor.accessEndsAt());
        }
    }

    /**
     * A vendor account changes neither its own identity nor another's tenant access beyond its own; {@code
     * newExpiry} is the tenant-access expiry the change leaves.
     */
    public void ensureMayChangeIdentity(Actor actor, OwnerFacts target, Instant newExpiry) {
        if (!actor.isVendorAccount()) {
            return;
        }
        if (actor.is(target.identityId())) {
            throw new DomainException(ErrorCode.FORBIDDEN, actor.kind() + " accounts may not change their own"
                    + " identity");
        }
        boolean extended = newExpiry != null && !newExpiry.equals(target.tenantAccessExpiresAt());
        if (extended && outlasts(newExpiry, actor.accessEndsAt())) {
            throw new DomainException(ErrorCode.FORBIDDEN, "A " + actor.kind() + " account may not give tenant access"
                    + " beyond its own, which ends at " + actor.accessEndsAt());
        }
    }

    /**
     * Removing an identity from the tenant: never oneself, and only with at least its rights (a vendor account
     * removes no one).
     */
    public void ensureMayDeleteIdentity(Actor actor, OwnerFacts target) {
        if (actor.is(target.identityId())) {
            throw new DomainException(ErrorCode.FORBIDDEN, "No one may remove themselves from the tenant");
        }
        ensureMayTakeOver(actor, target);
    }

    /**
     * Letting someone choose a password for {@code target} (an invitation) or resetting its second factor hands over
     * the identity itself: only the identity, or someone with at least its rights who is no vendor account.
     */
    public void ensureMayHandOverSignIn(Actor actor, OwnerFacts target) {
        ensureMayTakeOver(actor, target);
    }

    /** What a person does to their own sign-in (an authenticator, a consent): only they, or the service itself. */
    public void ensureActsForThemselves(Actor actor, String identityId) {
        if (!actor.service() && !actor.is(identityId)) {
            throw new DomainException(ErrorCode.FORBIDDEN, "Only the person themselves may do this");
        }
    }

    /** True if access ending at {@code end} (null: never) lasts beyond {@code limit}. */
    private static boolean outlasts(Instant end, Instant limit) {
        return limit != null && (end == null || end.isAfter(limit));
    }
}
