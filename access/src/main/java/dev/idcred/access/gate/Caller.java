package dev.idcred.access.gate;

import dev.idcred.shared.common.IdentityKind;
import dev.idcred.shared.policy.Actor;

import java.time.Instant;
import java.util.Set;

/**
 * Who is calling: the identity a bearer token acts for, the credential that obtained the token, the effective rights
 * the token carries now, the identity's kind and, for a vendor account, when its tenant access ends. Controllers take
 * it as a parameter; commands go out with its {@link #actor()}.
 */
public record Caller(String identityId, String clientId, Set<String> rights, IdentityKind kind,
                     Instant accessEndsAt) {

    public Caller {
        rights = Set.copyOf(rights);
        kind = kind == null ? IdentityKind.USER : kind;
    }

    public boolean holds(String right) {
        return rights.contains(right);
    }

    /** Resolves {@code me} to the caller's own identity id. */
    public String resolve(String identityIdOrMe) {
        return "me".equals(identityIdOrMe) ? identityId : identityIdOrMe;
    }

    /** The caller as the credential policy sees it. */
    public Actor actor() {
        return Actor.of(identityId, clientId, kind, rights, accessEndsAt);
    }
}
