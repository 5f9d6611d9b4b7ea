package dev.idcred.query.appliance;

import dev.idcred.query.support.Documents;
import dev.idcred.query.support.Listing;
import dev.idcred.query.support.VersionedCollection;
import dev.idcred.shared.appliance.ListVirtualAppliances;
import dev.idcred.shared.appliance.VirtualApplianceCreated;
import dev.idcred.shared.appliance.VirtualApplianceDeleted;
import dev.idcred.shared.common.LastUsedFilter;
import dev.idcred.query.support.ReadModels;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.queryhandling.QueryHandler;
import org.bson.Document;
import org.springframework.stereotype.Component;

import static dev.idcred.query.support.Documents.date;

/** The virtual appliances of the tenant, each with its VA key's client id. */
@Component
@ProcessingGroup("virtual-appliances")
public class VirtualApplianceProjection {

    private final VersionedCollection appliances;

    public VirtualApplianceProjection(ReadModels readModels) {
        this.appliances = new VersionedCollection(readModels, "virtual_appliances", "created");
    }

    @EventHandler
    void on(VirtualApplianceCreated event, @SequenceNumber long sequence) {
        appliances.create(event.applianceId(), sequence, new Document("name", event.name())
                .append("ownerId", event.ownerId())
                .append("keyClientId", event.keyClientId())
                .append("created", date(event.createdAt())));
    }

    @EventHandler
    void on(VirtualApplianceDeleted event, @SequenceNumber long sequence) {
        appliances.markDeleted(event.applianceId(), sequence);
    }

    @QueryHandler
    VirtualAppliancePage list(ListVirtualAppliances query) {
        var window = Listing.page(appliances.raw(), null, LastUsedFilter.NONE, query.page(),
                d -> new VirtualApplianceView(d.getString("_id"), d.getString("name"), d.getString("keyClientId"),
                        d.getString("ownerId"), Documents.instant(d, "created")));
        return new VirtualAppliancePage(window.items(), window.total());
    }
}
