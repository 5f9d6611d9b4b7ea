package dev.idcred.query.apiclient;

import dev.idcred.query.support.OrderedListing;
import dev.idcred.query.support.Projection;
import dev.idcred.query.support.ReadModels;
import dev.idcred.shared.apiclient.ApiClientSettings;
import dev.idcred.shared.apiclient.FindApiClient;
import dev.idcred.shared.apiclient.ListApiClients;
import dev.idcred.shared.credential.ApiClientCreated;
import dev.idcred.shared.credential.ApiClientDeleted;
import dev.idcred.shared.credential.ApiClientUpdated;
import dev.idcred.shared.credential.ApiClientUsed;
import dev.idcred.shared.credential.SecretRotated;
import dev.idcred.shared.usage.CredentialKind;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.queryhandling.QueryHandler;
import org.bson.Document;
import org.springframework.stereotype.Component;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static dev.idcred.query.support.Documents.date;

/** The API Management listing: every API client, VA keys included, with its Type and when it was last used. */
@Component
@ProcessingGroup(ApiClientProjection.GROUP)
public class ApiClientProjection implements Projection {

    public static final String GROUP = "api-clients";
    private final OrderedListing clients;

    public ApiClientProjection(ReadModels readModels) {
        this.clients = new OrderedListing(readModels, "api_clients");
    }

    @Override
    public Map<String, String> mirrors() {
        return Map.of("ApiClient", "api_clients");
    }

    @Override
    public List<String> mismatches(Collection<String> aggregateIds) {
        return clients.mismatches(aggregateIds);
    }

    @Override
    public Projection into(ReadModels generation) {
        return new ApiClientProjection(generation);
    }

    @EventHandler
    void on(ApiClientCreated event, @SequenceNumber long version) {
        clients.add(event.clientId(), version, settings(event.settings())
                .append("ownerId", event.ownerId())
                .append("keyType", event.keyType())
                .append("created", date(event.createdAt()))
                .append("modified", date(event.createdAt()))
                .append(OrderedListing.LAST_USED, null)
                .append(OrderedListing.EXPIRES_AT, date(event.expiresAt())));
    }

    @EventHandler
    void on(ApiClientUpdated event, @SequenceNumber long version) {
        Document changed = settings(event.settings()).append("modified", date(event.modifiedAt()));
        clients.update(event.clientId(), version, client -> client.putAll(changed));
    }

    @EventHandler
    void on(ApiClientUsed event, @SequenceNumber long version) {
        clients.update(event.clientId(), version,
                client -> client.put(OrderedListing.LAST_USED, date(event.usedAt())));
    }

    @EventHandler
    void on(SecretRotated event, @SequenceNumber long version) {
        if (event.kind() == CredentialKind.API_CLIENT) {
            clients.update(event.credentialId(), version,
                    client -> client.put(OrderedListing.EXPIRES_AT, date(event.expiresAt())));
        }
    }

    @EventHandler
    void on(ApiClientDeleted event, @SequenceNumber long version) {
        clients.remove(event.clientId(), version);
    }

    @QueryHandler
    Optional<ApiClientView> find(FindApiClient query) {
        return Optional.ofNullable(clients.get(query.clientId())).map(ApiClientView::of);
    }

    @QueryHandler
    ApiClientPage list(ListApiClients query) {
        OrderedListing.Window window = clients.page(query.filter(), query.page());
        return new ApiClientPage(window.items().stream().map(ApiClientView::of).toList(), window.total());
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
