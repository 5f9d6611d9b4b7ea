package dev.idcred.query.scope;

import dev.idcred.shared.common.RightsCatalogue;
import dev.idcred.shared.credential.CredentialAccess;

import java.time.Instant;
import java.util.List;

/**
 * The rights a credential held at {@code at}. {@code state} says whether it could be used then: {@code ACTIVE},
 * {@code DISABLED} (an API client switched off: its scope stands, its rights are empty), {@code EXPIRED} (its owner's
 * tenant access had ended: likewise), {@code NOT_YET_CREATED} or {@code DELETED} (scope and rights empty).
 */
public record EffectiveScopeView(String id, List<String> scope, List<String> rights, Instant at, String state,
                                 String ownerId) {

    public static final String NOT_YET_CREATED = "NOT_YET_CREATED";

    static EffectiveScopeView of(CredentialAccess access, Instant at, RightsCatalogue catalogue) {
        CredentialAccess.State state = access.stateAt(at);
        List<String> scope = state == CredentialAccess.State.DELETED ? List.of() : access.credential().scope();
        return new EffectiveScopeView(access.credential().credentialId(), scope,
                access.rightsAt(at, catalogue).stream().sorted().toList(), at, state.name(),
                access.credential().ownerId());
    }

    static EffectiveScopeView notYetCreated(String id, String ownerId, Instant at) {
        return new EffectiveScopeView(id, List.of(), List.of(), at, NOT_YET_CREATED, ownerId);
    }
}
