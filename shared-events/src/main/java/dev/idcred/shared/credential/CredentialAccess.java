package dev.idcred.shared.credential;

import dev.idcred.shared.common.NetworkRules;
import dev.idcred.shared.common.RightsCatalogue;
import dev.idcred.shared.usage.CredentialKind;

import java.time.Instant;
import java.util.Set;

/**
 * What a credential may do, from its facts and its owner's: whether it can be used at an instant, the rights it
 * then has (its scope ∩ the rights of its owner's levels), the network rules its calls obey, and whether an access
 * token it obtained still counts. The gate, the token endpoint, the effective-scope view and time travel all ask
 * this one record.
 */
public record CredentialAccess(CredentialFacts credential, OwnerFacts owner) {

    /** Whether a credential can be used: only {@code ACTIVE} has rights. */
    public enum State {
        ACTIVE,
        /** An API client switched off: its scope stands, its tokens are dead. */
        DISABLED,
        /** It reached its own expiry, or its owner's tenant access ended. */
        EXPIRED,
        DELETED
    }

    public State stateAt(Instant now) {
        if (!credential.live()) {
            return State.DELETED;
        }
        if (credential.expiredBy(now) || owner == null || owner.accessEndedBy(now)) {
            return State.EXPIRED;
        }
        return credential.enabled() ? State.ACTIVE : State.DISABLED;
    }

    public boolean usableAt(Instant now) {
        return stateAt(now) == State.ACTIVE;
    }

    /** The rights the credential has at {@code now}: none unless it is usable. */
    public Set<String> rightsAt(Instant now, RightsCatalogue catalogue) {
        return usableAt(now) ? catalogue.effectiveRights(credential.scope(), owner.levels()) : Set.of();
    }

    /** The owner's network rules bind its personal access tokens; API clients are not bound by them. */
    public NetworkRules networkRules() {
        return credential.kind() == CredentialKind.PERSONAL_ACCESS_TOKEN && owner != null ? owner.networkRules()
                : NetworkRules.none();
    }

    /**
     * True if an access token the credential obtained still counts at {@code now}: the credential is usable, the
     * token (or its refresh family) was not revoked, and it was not issued before the credential was switched off.
     */
    public boolean accepts(IssuedToken token, Instant now) {
        return usableAt(now) && !credential.revokedAny(token.ids())
                && !credential.issuedBeforeDisablement(token.issuedAt());
    }
}
