package dev.idcred.launcher;

import dev.idcred.query.support.ReadModels;
import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Sorts;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A rebuild from the log yields views equal to the ones it replaces, over a log with every event type. */
class RebuildIT {

    /** Collections that are not views: the processors' tokens and the bookkeeping of instances and checks. */
    private static final Set<String> OPERATIONS = Set.of("trackingtokens", "read_model_generation",
            "query_side_instances", "view_integrity");

    private static final Set<String> EVERY_EVENT_TYPE = Set.of("IdentityCreated", "IdentityUpdated",
            "UserLevelGranted", "UserLevelRevoked", "ApiClientCreated", "ApiClientUpdated", "ApiClientUsed",
            "ApiClientDeleted", "PersonalAccessTokenCreated", "PersonalAccessTokenUpdated", "PersonalAccessTokenUsed",
            "PersonalAccessTokenDeleted", "VirtualApplianceCreated", "VirtualApplianceDeleted", "AccessTokenRevoked",
            "RefreshTokenIssued", "RefreshTokenRotated", "RefreshTokenFamilyRevoked");

    @Test
    void rebuiltViewsEqualTheLiveViewsTheyReplace() {
        try (RunningService service = RunningService.start(RunningService.newDataDir())) {
            new EventLogWriter(service.bean(CommandGateway.class)).writeRounds("owner", 60);
            JdbcTemplate jdbc = service.bean(JdbcTemplate.class);
            Integer events = jdbc.queryForObject("select count(*) from domainEventEntry", Integer.class);
            assertThat(events).isGreaterThan(2000);
            assertThat(new HashSet<>(jdbc.queryForList("select distinct payloadType from domainEventEntry",
                    String.class)).stream().map(t -> t.substring(t.lastIndexOf('.') + 1)).toList())
                    .containsAll(EVERY_EVENT_TYPE);
            MongoDatabase mongo = service.bean(MongoDatabase.class);
            awaitLiveProcessorsAtTheHead(service);
            Set<String> live = collectionsOf(mongo, 0);

            Api api = service.api();
            String admin = api.adminToken();
            Api.Response started = api.postRaw("/v3/read-model-rebuilds", admin, "application/json", "").expect(202);
            assertThat(started.body().path("generation").asInt()).isEqualTo(1);
            await().atMost(Duration.ofSeconds(120)).untilAsserted(() -> assertThat(
                    api.get("/v3/read-model-rebuilds/current", admin).expect(200).field("state")).isEqualTo("DONE"));
            JsonNode progress = api.get("/v3/read-model-rebuilds/current", admin).body();
            assertThat(progress.path("eventsDone").asLong()).isGreaterThanOrEqualTo(events);
            assertThat(progress.path("eventsPerSecond").asDouble()).isPositive();

            assertThat(collectionsOf(mongo, 1)).isEqualTo(live);
            for (String collection : live) {
                assertThat(documents(mongo, ReadModels.nameOf(collection, 1)))
                        .as("collection %s after the rebuild", collection)
                        .isEqualTo(documents(mongo, collection));
            }
            api.get("/v3/oauth-clients?count=true", admin).expect(200);
        }
    }

    static void awaitLiveProcessorsAtTheHead(RunningService service) {
        long head = service.bean(EventStore.class).createHeadToken().position().orElse(0L);
        EventProcessingConfiguration processing = service.bean(EventProcessingConfiguration.class);
        await().atMost(Duration.ofSeconds(120)).until(() -> processing.eventProcessors().values().stream()
                .filter(StreamingEventProcessor.class::isInstance)
                .map(StreamingEventProcessor.class::cast)
                .allMatch(processor -> !processor.processingStatus().isEmpty() && processor.processingStatus().values()
                        .stream().allMatch(status -> status.getCurrentPosition().orElse(-1) >= head)));
    }

    private static Set<String> collectionsOf(MongoDatabase mongo, int generation) {
        Set<String> names = new HashSet<>();
        for (String name : mongo.listCollectionNames()) {
            boolean ofGeneration = generation == 0 ? !name.matches(".*_g\\d+$") : name.endsWith("_g" + generation);
            if (ofGeneration && !OPERATIONS.contains(name)) {
                names.add(generation == 0 ? name : name.substring(0, name.length() - ("_g" + generation).length()));
            }
        }
        return names;
    }

    private static List<Document> documents(MongoDatabase mongo, String collection) {
        return mongo.getCollection(collection).find().sort(Sorts.ascending("_id")).into(new ArrayList<>());
    }
}
