package dev.idcred.access.audit;

import dev.idcred.shared.common.AuditMetadata;
import dev.idcred.shared.hygiene.RecordRightsDrift;
import dev.idcred.shared.token.RecordAccessRefusal;
import dev.idcred.shared.token.RecordAuthenticationThrottle;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventhandling.EventBus;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.MetaData;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * The command handler of outcomes that belong to no aggregate: calls refused by a network rule, a tripped
 * authentication throttle, a credential's rights drifting. Each command carries the event it records, decided (and
 * coalesced) by whoever observed it; this handler appends it in the command's unit of work and transaction, with the
 * command's actor, so the event and its audit entry commit together or not at all, and a command sent while another
 * message is handled (drift, in the transaction of its cause) commits with that message. Either side may refuse a
 * call, so both run this handler. Nothing else outside an aggregate appends to the event store
 * ({@code ArchitectureTest#onlyCommandHandlersAppendEvents}).
 */
@Component
public class OutcomeRecorder {

    /**
     * The lifecycle phase in which what is held back for coalescing (refusals, usage tallies) is written at shutdown:
     * after the web server has drained its requests, before Axon stops its processors (which must see those events).
     */
    public static final int FLUSH_PHASE = SmartLifecycle.DEFAULT_PHASE - 4096;

    private final EventBus events;

    public OutcomeRecorder(EventBus events) {
        this.events = events;
    }

    @CommandHandler
    void handle(RecordAccessRefusal command, MetaData metaData) {
        append(command.refusal(), metaData);
    }

    @CommandHandler
    void handle(RecordAuthenticationThrottle command, MetaData metaData) {
        append(command.throttle(), metaData);
    }

    @CommandHandler
    void handle(RecordRightsDrift command, MetaData metaData) {
        append(command.change(), metaData);
    }

    private void append(Object event, MetaData command) {
        events.publish(GenericEventMessage.asEventMessage(event)
                .andMetaData(command.subset(AuditMetadata.ACTOR_ID, AuditMetadata.ACTOR_CREDENTIAL_ID)));
    }
}
