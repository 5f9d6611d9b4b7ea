package dev.idcred.launcher.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Sorts;
import org.bson.Document;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Rebuilds every view from the log into a new generation and asserts it equals, collection by collection and
 * document by document, the generation the live processors kept: the proof that no view lost or doubled an event.
 * The views must be quiet (the processors at the head of the log, no writes meanwhile).
 */
public final class ViewsMatchARebuild {

    /** Collections that are not views: the processors' tokens and the bookkeeping of instances and checks. */
    private static final Set<String> OPERATIONS = Set.of("trackingtokens", "read_model_generation",
            "query_side_instances", "view_integrity", "read_model_rebuild");

    private ViewsMatchARebuild() {
    }

    /** Answers the rebuild's progress once it is done. */
    public static JsonNode assertFor(Api api, String admin, MongoDatabase mongo) {
        Api.Response started = api.postRaw("/v3/read-model-rebuilds", admin, "application/json", "").expect(202);
        int generation = started.body().path("generation").asInt();
        await().atMost(Duration.ofSeconds(180)).untilAsserted(() -> assertThat(
                api.get("/v3/read-model-rebuilds/current", admin).expect(200).field("state")).isEqualTo("DONE"));
        Set<String> live = collectionsOf(mongo, generation - 1);
        assertThat(collectionsOf(mongo, generation)).isEqualTo(live);
        for (String collection : live) {
            Map<Object, Document> rebuilt = byId(documents(mongo, nameOf(collection, generation)));
            Map<Object, Document> kept = byId(documents(mongo, nameOf(collection, generation - 1)));
            assertThat(rebuilt.keySet()).as("ids in %s, rebuilt and kept", collection).isEqualTo(kept.keySet());
            kept.forEach((id, document) -> assertThat(rebuilt.get(id))
                    .as("%s/%s rebuilt into generation %d", collection, id, generation).isEqualTo(document));
        }
        return api.get("/v3/read-model-rebuilds/current", admin).body();
    }

    private static String nameOf(String collection, int generation) {
        return generation == 0 ? collection : collection + "_g" + generation;
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

    private static Map<Object, Document> byId(List<Document> documents) {
        var byId = new LinkedHashMap<Object, Document>();
        documents.forEach(document -> byId.put(document.get("_id"), document));
        return byId;
    }

    private static List<Document> documents(MongoDatabase mongo, String collection) {
        return mongo.getCollection(collection).find().sort(Sorts.ascending("_id")).into(new ArrayList<>());
    }
}
