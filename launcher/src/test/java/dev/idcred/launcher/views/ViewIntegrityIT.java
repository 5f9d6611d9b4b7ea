package dev.idcred.launcher.views;

import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import dev.idcred.launcher.support.Api;
import dev.idcred.launcher.support.RunningService;
import dev.idcred.query.operations.ViewIntegrity;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The views self-check: a view that lost an event its processor applied is DOWN, naming the document and the event;
 * the rebuild that repairs it makes the views UP at once, with no new event needed, because results are kept per
 * generation and the new generation starts checked through the rebuild's fold.
 */
class ViewIntegrityIT {

    @Test
    void aViewThatLostAnEventIsDownUntilTheRebuildThatRepairsItServes() {
        try (RunningService service = RunningService.start(RunningService.newDataDir())) {
            Api api = service.api();
            String admin = api.adminToken();
            String id = api.post("/v3/oauth-clients", admin, Api.clientBody("lost")).expect(200).field("id");
            api.awaitViewsCaughtUp();

            // The view loses the client's document; the client's next event then finds nothing to apply to.
            service.bean(MongoDatabase.class).getCollection("api_clients").deleteOne(Filters.eq("_id", id));
            api.patch("/v3/oauth-clients/" + id, admin, List.of(Map.of("op", "replace", "path", "/name",
                    "value", "renamed"))).expect(200);
            ViewIntegrity integrity = service.bean(ViewIntegrity.class);
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                integrity.check();
                JsonNode views = views(api);
                assertThat(views.path("status").asText()).isEqualTo("DOWN");
                assertThat(views.path("details").path("gaps").toString()).contains("api_clients/" + id)
                        .contains("no document");
            });

            int generation = api.postRaw("/v3/read-model-rebuilds", admin, "application/json", "").expect(202)
                    .body().path("generation").asInt();
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(
                    api.get("/v3/read-model-rebuilds/current", admin).expect(200).field("state")).isEqualTo("DONE"));

            JsonNode views = views(api);
            assertThat(views.path("status").asText()).as("views right after the repair, no event since")
                    .isEqualTo("UP");
            assertThat(views.path("details").path("generation").asInt()).isEqualTo(generation);
            integrity.check();
            assertThat(views(api).path("status").asText()).as("after the next check").isEqualTo("UP");
            api.get("/v3/oauth-clients/" + id, admin).expect(200);
        }
    }

    private static JsonNode views(Api api) {
        return api.get("/actuator/health", null).body().path("components").path("views");
    }
}
