package dev.idcred.command.directory;

import dev.idcred.access.gate.AuthorizationTable;
import dev.idcred.command.CommandSideConfiguration;
import dev.idcred.command.hygiene.RightsDrift;
import dev.idcred.shared.credential.CredentialEvent;
import dev.idcred.shared.credential.RefreshTokenFamilyRevoked;
import dev.idcred.shared.identity.IdentityEvent;
import dev.idcred.shared.token.RefreshTokenIssued;
import dev.idcred.shared.token.RefreshTokenRotated;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.springframework.stereotype.Component;

/**
 * Keeps the write side's directory in step with the log: the authorization table (every event that changes what a
 * credential or an identity may do, folded by their facts) and the refresh-token families; and appends the rights
 * drift those changes cause ({@link RightsDrift}). Runs in a subscribing
 * processor, inside the transaction of the command that appended the event: once a DELETE has answered, no instance
 * of either side accepts the credential's tokens.
 */
@Component
@ProcessingGroup(CommandSideConfiguration.DIRECTORY_GROUP)
class DirectoryProjector {

    private final AuthorizationTable access;
    private final RefreshFamilies families;
    private final RightsDrift drift;

    DirectoryProjector(AuthorizationTable access, RefreshFamilies families, RightsDrift drift) {
        this.access = access;
        this.families = families;
        this.drift = drift;
    }

    @EventHandler
    void on(CredentialEvent event, EventMessage<?> message) {
        drift.scopeChanged(access.record(event), message);
        if (event instanceof RefreshTokenFamilyRevoked revoked) {
            families.markRevoked(revoked.familyId());
        }
    }

    @EventHandler
    void on(IdentityEvent event, EventMessage<?> message) {
        drift.levelsChanged(access.record(event), message);
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
