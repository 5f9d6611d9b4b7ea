package dev.idcred.query.processing;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import org.axonframework.extensions.mongo.eventsourcing.tokenstore.MongoTokenStore;
import org.bson.Document;

import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

/**
 * The processors' token store, with one change: a segment this instance lets go because another instance's fair share
 * now includes it is handed to that instance (its owner becomes the heir, claimed just now) instead of being left
 * without an owner until someone claims it. The heir's next claim finds the segment its own, as the store lets an
 * owner claim again; so a join never leaves a segment unowned. A segment let go with no heir (this instance stops,
 * every other instance holds its share) is released as before, and one whose heir died is taken over when the
 * claim times out, as after any crash.
 */
public final class HandOverTokenStore extends MongoTokenStore {

    private final MongoCollection<Document> tokens;
    private final QuerySideInstances instances;
    private final Clock clock;

    public HandOverTokenStore(MongoTokenStore.Builder builder, MongoDatabase database, QuerySideInstances instances,
                              Clock clock) {
        super(builder);
        this.tokens = database.getCollection("trackingtokens");
        this.instances = instances;
        this.clock = clock;
    }

    @Override
    public void releaseClaim(String processorName, int segment) {
        String heir = heirFor(processorName);
        if (heir != null && tokens.updateOne(Filters.and(Filters.eq("processorName", processorName),
                        Filters.eq("segment", segment), Filters.eq("owner", instances.id())),
                Updates.combine(Updates.set("owner", heir),
                        Updates.set("timestamp", clock.instant().toEpochMilli()))).getModifiedCount() == 1) {
            return;
        }
        super.releaseClaim(processorName, segment);
    }

    /** The live claiming instance furthest below its fair share of {@code processorName}'s segments, if any. */
    private String heirFor(String processorName) {
        Map<String, Integer> held = new HashMap<>();
        for (Document token : tokens.find(Filters.eq("processorName", processorName))) {
            String owner = token.getString("owner");
            if (owner != null && token.get("segment") instanceof Number number && number.intValue() >= 0) {
                held.merge(owner, 1, Integer::sum);
            }
        }
        String heir = null;
        int largestShortfall = 0;
        for (String instance : instances.live()) {
            if (instance.equals(instances.id())) {
                continue;
            }
            int shortfall = instances.shareOf(processorName, instance) - held.getOrDefault(instance, 0);
            if (shortfall > largestShortfall) {
                largestShortfall = shortfall;
                heir = instance;
            }
        }
        return heir;
    }
}
