package dev.idcred.command;

import dev.idcred.access.gate.Caller;
import dev.idcred.shared.common.AuditMetadata;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.springframework.stereotype.Component;

/** Sends a command on behalf of an actor and waits for its result, so the event log records who did it. */
@Component
public class Commands {

    private final CommandGateway gateway;

    public Commands(CommandGateway gateway) {
        this.gateway = gateway;
    }

    /** Sends on behalf of a caller: the log records the identity and the credential whose token it came with. */
    public <R> R send(Object command, Caller caller) {
        MetaData actor = MetaData.with(AuditMetadata.ACTOR_ID, caller.identityId());
        if (caller.clientId() != null) {
            actor = actor.and(AuditMetadata.ACTOR_CREDENTIAL_ID, caller.clientId());
        }
        return gateway.sendAndWait(GenericCommandMessage.asCommandMessage(command).andMetaData(actor));
    }

    /** Sends on behalf of a credential acting by itself (at the token endpoint), for the identity that owns it. */
    public <R> R sendAs(Object command, String actorId, String actorCredentialId) {
        return gateway.sendAndWait(GenericCommandMessage.asCommandMessage(command).andMetaData(MetaData
                .with(AuditMetadata.ACTOR_ID, actorId).and(AuditMetadata.ACTOR_CREDENTIAL_ID, actorCredentialId)));
    }

    public <R> R sendAs(Object command, String actorId) {
        return gateway.sendAndWait(GenericCommandMessage.asCommandMessage(command)
                .andMetaData(MetaData.with(AuditMetadata.ACTOR_ID, actorId)));
    }
}
