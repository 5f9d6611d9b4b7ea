package dev.idcred.query.support;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import org.bson.Document;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Which generation of the read models is current, kept in MongoDB so every query-side instance follows a switch
 * (each re-reads it at most every {@link #REFRESH} ).
 */
public class ReadModelGenerations {

    static final Duration REFRESH = Duration.ofSeconds(2);
    private static final String ID = "current";

    private final MongoCollection<Document> store;
    private final Clock clock;
    private volatile int current;
    private volatile Instant readAt;

    public ReadModelGenerations(MongoDatabase database, Clock clock) {
        this.store = database.getCollection("read_model_generation");
        this.clock = clock;
        this.current = load();
        this.readAt = clock.instant();
    }

    public int current() {
        if (clock.instant().isAfter(readAt.plus(REFRESH))) {
            current = load();
            readAt = clock.instant();
        }
        return current;
    }

    public synchronized void switchTo(int generation) {
        store.replaceOne(Filters.eq("_id", ID), new Document("_id", ID).append("generation", generation),
                new ReplaceOptions().upsert(true));
        current = generation;
        readAt = clock.instant();
    }

    private int load() {
        Document document = store.find(Filters.eq("_id", ID)).first();
        return document == null ? 0 : document.getInteger("generation", 0);
    }
}
