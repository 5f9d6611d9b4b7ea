package dev.idcred.query.appliance;

import dev.idcred.query.support.Documents;
import dev.idcred.query.support.OrderedListing;
import dev.idcred.query.support.Projection;
import dev.idcred.query.support.ReadModels;
import dev.idcred.shared.appliance.ListVirtualAppliances;
import dev.idcred.shared.appliance.VirtualApplianceCreated;
import dev.idcred.shared.appliance.VirtualApplianceDeleted;
import dev.idcred.shared.common.ListingFilter;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.queryhandling.QueryHandler;
import org.bson.Document;
import org.springframework.stereotype.Component;

import java.util.Collection;
import java.util.List;
import java.util.Map;

import static dev.idcred.query.support.Documents.date;

/** The virtual appliances of the tenant, each with its VA key's client id. */
@Component
@ProcessingGroup(VirtualApplianceProjection.GROUP)
public class VirtualApplianceProjection implements Projection {

    public static final String GROUP = "virtual-appliances";
    private final OrderedListing appliances;

    public VirtualApplianceProjection(ReadModels readModels) {
        this.appliances = new OrderedListing(readModels, "virtual_appliances");
    }

    @Override
    public Map<String, String> mirrors() {
        return Map.of("VirtualAppliance", "virtual_appliances");
    }

    @Override
    public List<String> mismatches(Collection<String> aggregateIds) {
        return appliances.mismatches(aggregateIds);
    }

    @Override
    public Projection into(ReadModels generation) {
        return new VirtualApplianceProjection(generation);
    }

    @EventHandler
    void on(VirtualApplianceCreated event, @SequenceNumber long version) {
        appliances.add(event.applianceId(), version, new Document("name", event.name())
                .append("ownerId", event.ownerId())
                .append("keyClientId", event.keyClientId())
                .append("created", date(event.createdAt())));
    }

    @EventHandler
    void on(VirtualApplianceDeleted event, @SequenceNumber long version) {
        appliances.remove(event.applianceId(), version);
    }

    @QueryHandler
    VirtualAppliancePage list(ListVirtualAppliances query) {
        OrderedListing.Window window = appliances.page(ListingFilter.NONE, query.page());
        return new VirtualAppliancePage(window.items().stream().map(VirtualApplianceProjection::view).toList(),
                window.total());
    }

    private static VirtualApplianceView view(Document d) {
        return new VirtualApplianceView(d.getString("_id"), d.getString("name"), d.getString("keyClientId"),
                d.getString("ownerId"), Documents.instant(d, "created"));
    }
}
