package dev.idcred.access.audit;

import dev.idcred.shared.common.AuditMetadata;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.EventBus;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Appends an event that belongs to no aggregate (a refused call, a throttled client), with the actor the audit trail
 * names, in a unit of work and transaction of its own: the event and its audit entry commit together or not at all.
 */
@Component
public class StandaloneEvents {

    /**
     * The lifecycle phase in which what is held back for coalescing (refusals, usage tallies) is written at shutdown:
     * after the web server has drained its requests, before Axon stops its processors (which must see those events).
     */
    public static final int FLUSH_PHASE = SmartLifecycle.DEFAULT_PHASE - 4096;

    private final EventBus events;
    private final TransactionManager transactions;

    public StandaloneEvents(EventBus events, TransactionManager transactions) {
        this.events = events;
        this.transactions = transactions;
    }

    public void append(Object event, String actorId) {
        UnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(null);
        unitOfWork.attachTransaction(transactions);
        try {
            events.publish(GenericEventMessage.asEventMessage(event)
                    .andMetaData(MetaData.with(AuditMetadata.ACTOR_ID, actorId)));
            unitOfWork.commit();
        } catch (RuntimeException e) {
            if (unitOfWork.isActive()) {
                unitOfWork.rollback(e);
            }
            throw e;
        }
    }
}
