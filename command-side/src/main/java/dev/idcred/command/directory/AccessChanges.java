package dev.idcred.command.directory;

import dev.idcred.access.gate.AuthorizationTable;
import dev.idcred.shared.credential.CredentialFacts;
import dev.idcred.shared.credential.OwnerFacts;
import org.axonframework.eventhandling.EventMessage;

/**
 * Told of each change {@link DirectoryProjector} folds into the authorization table, as it folds it: inside the
 * transaction of the command that appended {@code cause}, so what a listener records commits with the cause or not
 * at all. The rights drift is one ({@code hygiene.RightsDrift}).
 */
public interface AccessChanges {

    /** A credential's facts changed ({@code before} is null for a new one, {@code after} null once it is gone). */
    void credentialChanged(AuthorizationTable.Change<CredentialFacts> change, EventMessage<?> cause);

    /** An identity's facts changed. */
    void ownerChanged(AuthorizationTable.Change<OwnerFacts> change, EventMessage<?> cause);
}
