package dev.idcred.command.directory;

import dev.idcred.access.gate.AuthorizationTable;
import dev.idcred.command.CommandSideConfiguration;
import dev.idcred.shared.credential.CredentialEvent;
import dev.idcred.shared.credential.CredentialFacts;
import dev.idcred.shared.credential.OwnerFacts;
import dev.idcred.shared.credential.RefreshTokenFamilyRevoked;
import dev.idcred.shared.identity.IdentityEvent;
import dev.idcred.shared.token.RefreshTokenIssued;
import dev.idcred.shared.token.RefreshTokenRotated;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * Keeps the write side's directory in step with the log: the authorization table (every event that changes what a
 * credential or an identity may do, folded by their facts) and the refresh-token families; and tells the
 * {@link AccessChanges} listeners (the rights drift) of each change, as it folds it. Runs in a subscribing
 * processor, inside the transaction of the command that appended the event: once a DELETE has answered, no instance
 * of either side accepts the credential's tokens.
 */
@Component
@ProcessingGroup(CommandSideConfiguration.DIRECTORY_GROUP)
class DirectoryProjector {

    private final AuthorizationTable access;
    private final RefreshFamilies families;
    private final List<AccessChanges> listeners;

    DirectoryProjector(AuthorizationTable access, RefreshFamilies families, List<AccessChanges> listeners) {
        this.access = access;
        this.families = families;
        this.listeners = List.copyOf(listeners);
    }

    @EventHandler
    void on(CredentialEvent event, EventMessage<?> message) {
        AuthorizationTable.Change<CredentialFacts> change = access.record(event);
        listeners.forEach(listener -> listener.credentialChanged(change, message));
        if (event instanceof RefreshTokenFamilyRevoked revoked) {
            families.markRevoked(revoked.familyId());
        }
    }

    @EventHandler
    void on(IdentityEvent event, EventMessage<?> message) {
        AuthorizationTable.Change<OwnerFacts> change = access.record(event);
        listeners.forEach(listener -> listener.ownerChanged(change, message));
    }

    @EventHandler
    void on(RefreshTokenIssued event) {
        families.start(event);
    }

    @EventHandler
    void on(RefreshTokenRotated event) {
        families.rotate(event.familyId(), event.secretHash(), event.expiresAt());
    }
}
