package com.example.credentials.query.appliance;

import com.example.credentials.query.support.Documents;
import com.example.credentials.query.support.Listing;
import com.example.credentials.query.support.VersionedCollection;
import com.example.credentials.shared.appliance.ListVirtualAppliances;
import com.example.credentials.shared.appliance.VirtualApplianceCreated;
import com.example.credentials.shared.appliance.VirtualApplianceDeleted;
import com.example.credentials.shared.common.LastUsedFilter;
import com.example.credentials.query.support.ReadModels;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.queryhandling.QueryHandler;
import org.bson.Document;
import org.springframework.stereotype.Component;

import static com.example.credentials.query.support.Documents.date;

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
