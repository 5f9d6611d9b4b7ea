package dev.idcred.launcher.views;

import com.fasterxml.jackson.databind.JsonNode;
import dev.idcred.launcher.support.Api;
import dev.idcred.launcher.support.RunningService;
import dev.idcred.shared.credential.PersonalAccessTokenCreated;
import dev.idcred.shared.credential.PersonalAccessTokenDeleted;
import dev.idcred.shared.credential.PersonalAccessTokenUpdated;
import dev.idcred.shared.credential.PersonalAccessTokenUsed;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The log answers "who did what to which credential, when", oldest first, never with a secret. */
class AuditTrailIT {

    private final Api api = RunningService.shared().api();
    private final String admin = api.adminToken();

    @Test
    void everyChangeToACredentialIsInItsTrailWithItsActorOldestFirst() {
        String owner = api.createIdentity(admin, "Audited", "USER");
        Api.Response pat = api.createPat(admin, owner, "audited", null).expect(200);
        String id = pat.field("id");
        api.patch("/v3/personal-access-tokens/" + id, admin, List.of(Map.of("op", "replace", "path", "/name",
                "value", "audited twice"))).expect(200);
        api.token(id, pat.field("secret"));
        api.delete("/v3/personal-access-tokens/" + id, admin).expect(204);

        await().untilAsserted(() -> assertThat(types(trail("subjectId=" + id))).containsExactly(
                "PersonalAccessTokenCreated", "PersonalAccessTokenUpdated", "PersonalAccessTokenUsed",
                "PersonalAccessTokenDeleted"));
        JsonNode entries = trail("subjectId=" + id);
        assertThat(entries.get(0).path("actorId").asText()).isEqualTo("bootstrap-admin");
        assertThat(entries.get(0).path("details").path("ownerId").asText()).isEqualTo(owner);
        assertThat(entries.get(2).path("actorId").asText()).isEqualTo("system");
        assertThat(entries.toString()).doesNotContain(pat.field("secret")).doesNotContain("secretHash");
    }

    @Test
    void trailFiltersByActorAndTimeAndNeedsTheAuditRight() {
        String owner = api.createIdentity(admin, "Audit reader", "USER");
        Api.Response pat = api.createPat(admin, owner, "reader", List.of("sp:scopes:all")).expect(200);
        String token = api.token(pat.field("id"), pat.field("secret"));
        api.get("/v3/audit-events", token).expect(403);

        await().untilAsserted(() -> assertThat(trail("actorId=bootstrap-admin&subjectId=" + owner)).isNotEmpty());
        assertThat(trail("subjectId=" + owner + "&to=2000-01-01T00:00:00Z")).isEmpty();
        assertThat(trail("subjectId=" + owner + "&from=2000-01-01T00:00:00Z")).isNotEmpty();
        api.get("/v3/audit-events?from=not-a-date", admin).expect(400);
    }

    /** The shared service tallies usage every two seconds (a minute by default). */
    @Test
    void tokensAreTalliedAtMostTwoEventsAPeriodAndEveryOneIsCounted() {
        String owner = api.createIdentity(admin, "Busy user", "USER");
        Api.Response pat = api.createPat(admin, owner, "busy", null).expect(200);
        long firstPeriod = System.currentTimeMillis() / 2_000;
        for (int i = 0; i < 25; i++) {
            api.token(pat.field("id"), pat.field("secret"));
        }
        long periodsSpanned = System.currentTimeMillis() / 2_000 - firstPeriod + 1;

        await().untilAsserted(() -> assertThat(tokensCounted(trail("subjectId=" + pat.field("id")))).isEqualTo(25));
        long usageEvents = types(trail("subjectId=" + pat.field("id"))).stream()
                .filter("PersonalAccessTokenUsed"::equals).count();
        assertThat(usageEvents).isBetween(1L, 2 * periodsSpanned);
    }

    private static long tokensCounted(JsonNode entries) {
        long tokens = 0;
        for (JsonNode entry : entries) {
            if (entry.path("type").asText().equals("PersonalAccessTokenUsed")) {
                tokens += entry.path("details").path("usage").path("tokens").asLong();
            }
        }
        return tokens;
    }

    private JsonNode trail(String query) {
        return api.get("/v3/audit-events?" + query, admin).expect(200).body();
    }

    private static List<String> types(JsonNode entries) {
        var types = new ArrayList<String>();
        entries.forEach(e -> types.add(e.path("type").asText()));
        return types;
    }
}
