package dev.idcred.shared.credential;

import dev.idcred.shared.identity.IdentityEvent;
import java.time.Instant;
import java.util.Optional;

/**
 * Time travel: what a credential could do at an instant, folded from its own events and its owner's exactly as the
 * live views fold them, counting each event from the business instant it carries.
 */
public final class CredentialHistory {

    private CredentialHistory() {
    }

    /**
     * The credential as it was at {@code at}; empty if it did not exist yet. Events of other kinds (usage, say) are
     * skipped; both histories must be in log order.
     */
    public static Optional<CredentialAccess> at(Iterable<?> credentialEvents, Iterable<?> ownerEvents, Instant at) {
        CredentialFacts credential = null;
        for (Object event : credentialEvents) {
            if (event instanceof CredentialEvent change) {
                if (change.occurredAt().isAfter(at)) {
                    break;
                }
                credential = CredentialFacts.fold(credential, change);
            }
        }
        if (credential == null) {
            return Optional.empty();
        }
        OwnerFacts owner = null;
        for (Object event : ownerEvents) {
            if (event instanceof IdentityEvent change) {
                if (change.occurredAt().isAfter(at)) {
                    break;
                }
                owner = OwnerFacts.fold(owner, change);
            }
        }
        return Optional.of(new CredentialAccess(credential, owner));
    }
}
