package dev.idcred.command;

import dev.idcred.access.gate.Caller;
import dev.idcred.shared.common.AuditMetadata;
import dev.idcred.shared.policy.Actor;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.springframework.stereotype.Component;

/**
 * Sends a command on behalf of an actor and waits for its result. The log records who did it (the identity and the
 * credential, which every event the command causes inherits); the command's handlers receive the whole
 * {@link Actor} as a parameter ({@link ActorParameters}) and ask the credential policy with it. The actor's rights
 * stay in the command: no event carries them.
 */
@Component
public class Commands {

    /** The metadata key under which a command carries its {@link Actor}; never copied to events. */
    public static final String ACTOR = "actor";

    private final CommandGateway gateway;

    public Commands(CommandGateway gateway) {
        this.gateway = gateway;
    }

    /** Sends on behalf of a caller: the log records the identity and the credential whose token it came with. */
    public <R> R send(Object command, Caller caller) {
        return send(command, caller.actor());
    }

    /** Sends on behalf of an actor; {@link Actor#SYSTEM} for the service's own work. */
    public <R> R send(Object command, Actor actor) {
        MetaData metaData = MetaData.with(AuditMetadata.ACTOR_ID, actor.identityId()).and(ACTOR, actor);
        if (actor.credentialId() != null) {
            metaData = metaData.and(AuditMetadata.ACTOR_CREDENTIAL_ID, actor.credentialId());
        }
        return gateway.sendAndWait(GenericCommandMessage.asCommandMessage(command).andMetaData(metaData));
    }

    /** Sends as the service itself, applying the tenant's rules. */
    public <R> R sendAsSystem(Object command) {
        return send(command, Actor.SYSTEM);
    }

    /**
     * Sends on behalf of a credential acting by itself (at the token endpoint), for the identity that owns it: the log
     * names them; the command needs no rights.
     */
    public <R> R sendAs(Object command, String actorId, String actorCredentialId) {
        return gateway.sendAndWait(GenericCommandMessage.asCommandMessage(command).andMetaData(MetaData
                .with(AuditMetadata.ACTOR_ID, actorId).and(AuditMetadata.ACTOR_CREDENTIAL_ID, actorCredentialId)));
    }
}
