package dev.idcred.query.apiclient;

import dev.idcred.query.support.ReadModels;
import dev.idcred.shared.apiclient.ApiClientSettings;
import dev.idcred.shared.apiclient.FindApiClient;
import dev.idcred.shared.apiclient.ListApiClients;
import dev.idcred.shared.common.GrantType;
import dev.idcred.shared.common.ListingFilter;
import dev.idcred.shared.common.PageRequest;
import dev.idcred.shared.credential.ApiClientCreated;
import dev.idcred.shared.credential.ApiClientDeleted;
import dev.idcred.shared.credential.ApiClientUpdated;
import dev.idcred.shared.credential.ApiClientUsed;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Given an API client's events, the listing and the client's document say what the API Management page shows. */
class ApiClientProjectionTest {

    private static final Instant CREATED = Instant.parse("2026-03-01T10:00:00Z");
    private static final PageRequest ALL = new PageRequest(250, 0, true);

    private final ApiClientProjection projection = new ApiClientProjection(ReadModels.buffered(null, 1));

    private static ApiClientSettings settings(String description, List<String> scope) {
        return new ApiClientSettings("nightly", description, null, null, 750, 2_592_000, List.of(),
                List.of(GrantType.CLIENT_CREDENTIALS), "OFFLINE", "CONFIDENTIAL", false, true, false, false, scope);
    }

    private void created(String id, Instant at, long version) {
        projection.on(new ApiClientCreated(id, "owner-1", "API", settings("exports", List.of("sp:scopes:default")),
                "hmac:never-shown", at, null), version);
    }

    @Test
    void aCreatedClientIsListedWithItsSettingsTypeAndNoLastUse() {
        created("c1", CREATED, 0);

        ApiClientView view = projection.find(new FindApiClient("c1")).orElseThrow();
        assertThat(view.description()).isEqualTo("exports");
        assertThat(view.keyType()).isEqualTo("API");
        assertThat(view.scope()).containsExactly("sp:scopes:default");
        assertThat(view.created()).isEqualTo(CREATED);
        assertThat(view.lastUsed()).isNull();
        assertThat(projection.list(new ListApiClients(ListingFilter.NONE, ALL)).items())
                .extracting(ApiClientView::id).containsExactly("c1");
    }

    @Test
    void anUpdateChangesTheSettingsAndAUseSetsLastUsed() {
        created("c1", CREATED, 0);
        projection.on(new ApiClientUpdated("c1", settings("renamed", List.of("idn:audit:read")),
                CREATED.plusSeconds(60), null), 1);
        projection.on(new ApiClientUsed("c1", CREATED.plusSeconds(120), null), 2);

        ApiClientView view = projection.find(new FindApiClient("c1")).orElseThrow();
        assertThat(view.description()).isEqualTo("renamed");
        assertThat(view.scope()).containsExactly("idn:audit:read");
        assertThat(view.modified()).isEqualTo(CREATED.plusSeconds(60));
        assertThat(view.lastUsed()).isEqualTo(CREATED.plusSeconds(120));
    }

    @Test
    void anEventAlreadyAppliedChangesNothingWhenDeliveredAgain() {
        created("c1", CREATED, 0);
        projection.on(new ApiClientUpdated("c1", settings("second", List.of()), CREATED.plusSeconds(60), null), 1);
        projection.on(new ApiClientUpdated("c1", settings("first, redelivered", List.of()), CREATED, null), 1);

        assertThat(projection.find(new FindApiClient("c1")).orElseThrow().description()).isEqualTo("second");
    }

    @Test
    void aDeletedClientIsGoneAndALateEventDoesNotReviveIt() {
        created("c1", CREATED, 0);
        projection.on(new ApiClientDeleted("c1", "owner-1", "API", CREATED.plusSeconds(60)), 1);
        projection.on(new ApiClientUsed("c1", CREATED.plusSeconds(30), null), 1);
        created("c1", CREATED, 0);

        assertThat(projection.find(new FindApiClient("c1"))).isEmpty();
        assertThat(projection.list(new ListApiClients(ListingFilter.NONE, ALL)).items()).isEmpty();
    }

    @Test
    void theListingIsOldestFirstAndFiltersOnLastUse() {
        created("late", CREATED.plusSeconds(10), 0);
        created("early", CREATED, 0);
        projection.on(new ApiClientUsed("late", CREATED.plusSeconds(3_600), null), 1);

        assertThat(projection.list(new ListApiClients(ListingFilter.NONE, ALL)).items())
                .extracting(ApiClientView::id).containsExactly("early", "late");
        assertThat(projection.list(new ListApiClients(ListingFilter.neverUsedFilter(), ALL)).items())
                .extracting(ApiClientView::id).containsExactly("early");
        assertThat(projection.list(new ListApiClients(
                ListingFilter.usedAtOrBefore(CREATED.plusSeconds(7_200)), ALL)).items())
                .extracting(ApiClientView::id).containsExactly("late");
    }
}
