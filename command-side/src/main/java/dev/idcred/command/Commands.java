package dev.idcred.command;

import dev.idcred.shared.common.AuditMetadata;
import dev.idcred.access.gate.Caller;
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

    public <R> R send(Object command, Caller caller) {
        return sendAs(command, caller.identityId());
    }

    public <R> R sendAs(Object command, String actorId) {
        return gateway.sendAndWait(GenericCommandMessage.asCommandMessage(command)
                .andMetaData(MetaData.with(AuditMetadata.ACTOR_ID, actorId)));
    }
}
