package dev.idcred.query.identity;

import dev.idcred.query.support.Documents;
import dev.idcred.query.support.OrderedListing;
import dev.idcred.query.support.Projection;
import dev.idcred.query.support.ReadModels;
import dev.idcred.shared.common.ListingFilter;
import dev.idcred.shared.common.NetworkRules;
import dev.idcred.shared.identity.FindIdentity;
import dev.idcred.shared.identity.IdentityCreated;
import dev.idcred.shared.identity.IdentityDeleted;
import dev.idcred.shared.identity.IdentityUpdated;
import dev.idcred.shared.identity.ListIdentities;
import dev.idcred.shared.identity.UserLevelGranted;
import dev.idcred.shared.identity.UserLevelRevoked;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.queryhandling.QueryHandler;
import org.bson.Document;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

import static dev.idcred.query.support.Documents.date;

/** Identities with their kind, network rules and user levels: the identities and auth-users views. */
@Component
@ProcessingGroup(IdentityProjection.GROUP)
public class IdentityProjection implements Projection {

    public static final String GROUP = "identities";
    static final String COLLECTION = "identities";
    private final OrderedListing identities;

    public IdentityProjection(ReadModels readModels) {
        this.identities = new OrderedListing(readModels, COLLECTION);
    }

    @Override
    public Map<String, String> mirrors() {
        return Map.of("Identity", COLLECTION);
    }

    @Override
    public List<String> mismatches(Collection<String> aggregateIds) {
        return identities.mismatches(aggregateIds);
    }

    @Override
    public Projection into(ReadModels generation) {
        return new IdentityProjection(generation);
    }

    @EventHandler
    void on(IdentityCreated event, @SequenceNumber long version) {
        identities.add(event.identityId(), version, new Document("name", event.name())
                .append("username", event.username())
                .append("kind", event.kind().name())
                .append("tenantAccessExpiresAt", date(event.tenantAccessExpiresAt()))
                .append("networkRules", rules(event.networkRules()))
                .append("levels", List.of())
                .append("created", date(event.createdAt()))
                .append("modified", date(event.createdAt())));
    }

    @EventHandler
    void on(IdentityUpdated event, @SequenceNumber long version) {
        identities.update(event.identityId(), version, identity -> identity
                .append("name", event.name())
                .append("username", event.username() != null ? event.username() : identity.getString("username"))
                .append("tenantAccessExpiresAt", date(event.tenantAccessExpiresAt()))
                .append("networkRules", rules(event.networkRules()))
                .put("modified", date(event.modifiedAt())));
    }

    @EventHandler
    void on(UserLevelGranted event, @SequenceNumber long version) {
        identities.update(event.identityId(), version, identity -> {
            var levels = new TreeSet<>(Documents.strings(identity, "levels"));
            levels.add(event.level());
            identity.append("levels", new ArrayList<>(levels)).put("modified", date(event.grantedAt()));
        });
    }

    @EventHandler
    void on(UserLevelRevoked event, @SequenceNumber long version) {
        identities.update(event.identityId(), version, identity -> {
            var levels = new TreeSet<>(Documents.strings(identity, "levels"));
            levels.remove(event.level());
            identity.append("levels", new ArrayList<>(levels)).put("modified", date(event.revokedAt()));
        });
    }

    /** A removed identity leaves the listing; the log keeps its history for time travel and the audit trail. */
    @EventHandler
    void on(IdentityDeleted event, @SequenceNumber long version) {
        identities.remove(event.identityId(), version);
    }

    @QueryHandler
    Optional<Document> find(FindIdentity query) {
        return Optional.ofNullable(identities.get(query.identityId()));
    }

    @QueryHandler
    IdentityPage list(ListIdentities query) {
        OrderedListing.Window window = identities.page(ListingFilter.NONE, query.page());
        return new IdentityPage(window.items().stream().map(IdentityView::of).toList(), window.total());
    }

    private static Document rules(NetworkRules rules) {
        NetworkRules known = rules == null ? NetworkRules.none() : rules;
        return new Document("allowedCidrs", known.allowedCidrs()).append("allowedCountries", known.allowedCountries());
    }
}
