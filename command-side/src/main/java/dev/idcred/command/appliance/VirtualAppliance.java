package dev.idcred.command.appliance;

import dev.idcred.shared.appliance.VirtualApplianceCreated;
import dev.idcred.shared.appliance.VirtualApplianceDeleted;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.Instant;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.axonframework.modelling.command.AggregateLifecycle.markDeleted;

/**
 * A virtual appliance. Its VA key is an API client of key type VA that lives and dies with it; both change in one
 * unit of work (see {@link VirtualApplianceCommandHandler}).
 */
@Aggregate
public class VirtualAppliance {

    @AggregateIdentifier
    private String applianceId;
    private String keyClientId;

    protected VirtualAppliance() {
    }

    VirtualAppliance(String applianceId, String name, String ownerId, String keyClientId, Instant createdAt) {
        apply(new VirtualApplianceCreated(applianceId, name, ownerId, keyClientId, createdAt));
    }

    /** Removes the appliance and answers the client id of the key that goes with it. */
    String keyClientId() {
        return keyClientId;
    }

    String delete(Instant deletedAt) {
        apply(new VirtualApplianceDeleted(applianceId, keyClientId, deletedAt));
        return keyClientId;
    }

    @EventSourcingHandler
    void on(VirtualApplianceCreated event) {
        applianceId = event.applianceId();
        keyClientId = event.keyClientId();
    }

    @EventSourcingHandler
    void on(VirtualApplianceDeleted event) {
        markDeleted();
    }
}
