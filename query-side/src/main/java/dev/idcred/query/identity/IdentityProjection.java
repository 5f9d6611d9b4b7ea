package dev.idcred.query.identity;

import dev.idcred.query.support.Listing;
import dev.idcred.query.support.VersionedCollection;
import dev.idcred.shared.common.LastUsedFilter;
import dev.idcred.shared.common.NetworkRules;
import dev.idcred.shared.identity.FindIdentity;
import dev.idcred.shared.identity.IdentityCreated;
import dev.idcred.shared.identity.IdentityUpdated;
import dev.idcred.shared.identity.ListIdentities;
import dev.idcred.shared.identity.UserLevelGranted;
import dev.idcred.shared.identity.UserLevelRevoked;
import dev.idcred.query.support.ReadModels;
import dev.idcred.query.support.Documents;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.queryhandling.QueryHandler;
import org.bson.Document;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Optional;

import static dev.idcred.query.support.Documents.date;

/** Identities with their kind, network rules and user levels: the identities and auth-users views. */
@Component
@ProcessingGroup("identities")
public class IdentityProjection {

    static final String COLLECTION = "identities";
    private final VersionedCollection identities;

    public IdentityProjection(ReadModels readModels) {
        this.identities = new VersionedCollection(readModels, COLLECTION, "created");
    }

    @EventHandler
    void on(IdentityCreated event, @SequenceNumber long sequence) {
        identities.create(event.identityId(), sequence, new Document("name", event.name())
                .append("kind", event.kind().name())
                .append("tenantAccessExpiresAt", date(event.tenantAccessExpiresAt()))
                .append("networkRules", rules(event.networkRules()))
                .append("levels", List.of())
                .append("created", date(event.createdAt()))
                .append("modified", date(event.createdAt())));
    }

    @EventHandler
    void on(IdentityUpdated event, @SequenceNumber long sequence) {
        identities.update(event.identityId(), sequence, identity -> identity.append("name", event.name())
                .append("tenantAccessExpiresAt", date(event.tenantAccessExpiresAt()))
                .append("networkRules", rules(event.networkRules()))
                .put("modified", date(event.modifiedAt())));
    }

    @EventHandler
    void on(UserLevelGranted event, @SequenceNumber long sequence) {
        identities.update(event.identityId(), sequence, identity -> identity.append("levels",
                Documents.with(Documents.strings(identity, "levels"), event.level()))
                .put("modified", date(event.grantedAt())));
    }

    @EventHandler
    void on(UserLevelRevoked event, @SequenceNumber long sequence) {
        identities.update(event.identityId(), sequence, identity -> identity.append("levels",
                Documents.without(Documents.strings(identity, "levels"), event.level()))
                .put("modified", date(event.revokedAt())));
    }

    @QueryHandler
    Optional<Document> find(FindIdentity query) {
        return Optional.ofNullable(identities.get(query.identityId()));
    }

    @QueryHandler
    IdentityPage list(ListIdentities query) {
        var window = Listing.page(identities.raw(), null, LastUsedFilter.NONE, query.page(), IdentityView::of);
        return new IdentityPage(window.items(), window.total());
    }

    private static Document rules(NetworkRules rules) {
        return rules == null ? null : new Document("allowedCidrs", rules.allowedCidrs())
                .append("allowedCountries", rules.allowedCountries());
    }
}
