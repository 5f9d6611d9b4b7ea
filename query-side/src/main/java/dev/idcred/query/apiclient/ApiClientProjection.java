package dev.idcred.query.apiclient;

import dev.idcred.query.support.Listing;
import dev.idcred.query.support.VersionedCollection;
import dev.idcred.shared.apiclient.ApiClientCreated;
import dev.idcred.shared.apiclient.ApiClientDeleted;
import dev.idcred.shared.apiclient.ApiClientSettings;
import dev.idcred.shared.apiclient.ApiClientUpdated;
import dev.idcred.shared.apiclient.ApiClientUsed;
import dev.idcred.shared.apiclient.FindApiClient;
import dev.idcred.shared.apiclient.ListApiClients;
import dev.idcred.query.support.ReadModels;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.queryhandling.QueryHandler;
import org.bson.Document;
import org.springframework.stereotype.Component;

import java.util.Optional;

import static dev.idcred.query.support.Documents.date;

/** The API Management listing: every API client, VA keys included, with its Type and when it was last used. */
@Component
@ProcessingGroup("api-clients")
public class ApiClientProjection {

    private final VersionedCollection clients;

    public ApiClientProjection(ReadModels readModels) {
        this.clients = new VersionedCollection(readModels, "api_clients", "created", "lastUsed");
    }

    @EventHandler
    void on(ApiClientCreated event, @SequenceNumber long sequence) {
        clients.create(event.clientId(), sequence, settings(event.settings())
                .append("ownerId", event.ownerId())
                .append("keyType", event.keyType())
                .append("created", date(event.createdAt()))
                .append("modified", date(event.createdAt()))
                .append("lastUsed", null));
    }

    @EventHandler
    void on(ApiClientUpdated event, @SequenceNumber long sequence) {
        clients.update(event.clientId(), sequence, client -> client.append("modified", date(event.modifiedAt()))
                .putAll(settings(event.settings())));
    }

    @EventHandler
    void on(ApiClientUsed event, @SequenceNumber long sequence) {
        clients.update(event.clientId(), sequence, client -> client.put("lastUsed", date(event.usedAt())));
    }

    @EventHandler
    void on(ApiClientDeleted event, @SequenceNumber long sequence) {
        clients.markDeleted(event.clientId(), sequence);
    }

    @QueryHandler
    Optional<ApiClientView> find(FindApiClient query) {
        return Optional.ofNullable(clients.get(query.clientId()))
                .filter(client -> !client.getBoolean(VersionedCollection.DELETED))
                .map(ApiClientView::of);
    }

    @QueryHandler
    ApiClientPage list(ListApiClients query) {
        var window = Listing.page(clients.raw(), null, query.filter(), query.page(), ApiClientView::of);
        return new ApiClientPage(window.items(), window.total());
    }

    private static Document settings(ApiClientSettings s) {
        return new Document("name", s.name())
                .append("description", s.description())
                .append("businessName", s.businessName())
                .append("homepageUrl", s.homepageUrl())
                .append("accessTokenValiditySeconds", s.accessTokenValiditySeconds())
                .append("refreshTokenValiditySeconds", s.refreshTokenValiditySeconds())
                .append("redirectUris", s.redirectUris())
                .append("grantTypes", s.grantTypes().stream().map(Enum::name).toList())
                .append("accessType", s.accessType())
                .append("type", s.type())
                .append("internal", s.internal())
                .append("enabled", s.enabled())
                .append("strongAuthSupported", s.strongAuthSupported())
                .append("claimsSupported", s.claimsSupported())
                .append("scope", s.scope());
    }
}
