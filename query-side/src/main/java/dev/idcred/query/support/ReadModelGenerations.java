package dev.idcred.query.support;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Which generation of the read models is current, and the switch every query-side instance honours before it writes,
 * kept in one MongoDB document so every instance follows it. A rebuild {@link #fence fences} the current generation
 * once it has folded the log into the next one: from then on no processor batch of any instance writes (each waits
 * in {@link #writable}), the rebuild folds what the log gained meanwhile, writes the next generation and
 * {@link #switchTo switches} to it, which lifts the fence. A batch that began before the switch is refused at its
 * write ({@link GenerationSwitched}) and applied again, by whichever instance owns its segment, into the new
 * generation; so no event is written only to a retired generation, on any number of instances. The fence is renewed
 * by its rebuild while it stands; one not renewed for {@link #FENCE_LEASE} (its rebuild died) is lifted by the first
 * writer that finds it, and the current generation keeps serving.
 * <p>
 * Readers follow a switch within {@link #REFRESH}; writers read the document at every batch.
 */
public class ReadModelGenerations {

    static final Duration REFRESH = Duration.ofMillis(200);
    static final Duration FENCE_LEASE = Duration.ofSeconds(30);
    private static final Duration WAIT_STEP = Duration.ofMillis(25);
    private static final Logger log = LoggerFactory.getLogger(ReadModelGenerations.class);
    private static final String ID = "current";

    /** A batch pinned to a generation that is no longer current: the batch is applied again, into the current one. */
    public static final class GenerationSwitched extends RuntimeException {
        GenerationSwitched(int pinned, int current) {
            super("The read models switched from generation " + pinned + " to " + current
                    + " during this batch; it is applied again into generation " + current);
        }
    }

    /** The shared document: the current generation, and the fence of a rebuild about to switch, if any. */
    record State(int generation, Integer fencedFor, Instant fenceRenewedAt) {
        boolean fenced() {
            return fencedFor != null;
        }
    }

    private final MongoCollection<Document> store;
    private final Clock clock;
    private volatile int current;
    private volatile Instant readAt;

    public ReadModelGenerations(MongoDatabase database, Clock clock) {
        this.store = database.getCollection("read_model_generation");
        this.clock = clock;
        this.current = load().generation();
        this.readAt = clock.instant();
    }

    /** The generation readers read: at most {@link #REFRESH} behind a switch. */
    public int current() {
        if (clock.instant().isAfter(readAt.plus(REFRESH))) {
            current = load().generation();
            readAt = clock.instant();
        }
        return current;
    }

    /**
     * The generation a processor batch may write now: waits while a rebuild's fence stands (lifting one whose lease
     * ran out), and answers the current generation once it is lifted.
     */
    public int writable() {
        while (true) {
            State state = load();
            if (!state.fenced()) {
                remember(state.generation());
                return state.generation();
            }
            if (state.fenceRenewedAt().plus(FENCE_LEASE).isBefore(clock.instant())) {
                liftAbandoned(state);
                continue;
            }
            pause();
        }
    }

    /**
     * Before a batch pinned to {@code pinned} writes: waits out a fence, then refuses the write if the read models
     * switched meanwhile.
     */
    public void stillWritable(int pinned) {
        int now = writable();
        if (now != pinned) {
            throw new GenerationSwitched(pinned, now);
        }
    }

    /**
     * Stops every instance's writes into {@code generation} until {@link #switchTo} or {@link #unfence}; answers
     * false if it is not current or another rebuild holds the fence.
     */
    public boolean fence(int generation, int target) {
        Document document = store.find(Filters.eq("_id", ID)).first();
        State state = stateOf(document);
        if (state.generation() != generation || state.fenced()) {
            return false;
        }
        if (document == null) {
            store.insertOne(new Document("_id", ID).append("generation", generation));
        }
        Bson unfencedAtGeneration = Filters.and(Filters.eq("_id", ID), Filters.eq("generation", generation),
                Filters.eq("fencedFor", null));
        Document fenced = new Document("_id", ID).append("generation", generation).append("fencedFor", target)
                .append("fenceRenewedAt", clock.instant().toEpochMilli());
        return store.replaceOne(unfencedAtGeneration, fenced).getModifiedCount() == 1;
    }

    /** Keeps the fence for {@code target} standing: a rebuild calls this while it folds and writes. */
    public void renewFence(int target) {
        store.updateOne(Filters.and(Filters.eq("_id", ID), Filters.eq("fencedFor", target)),
                new Document("$set", new Document("fenceRenewedAt", clock.instant().toEpochMilli())));
    }

    /** Lifts the fence for {@code target} without switching: the rebuild failed, the current generation serves on. */
    public void unfence(int target) {
        State state = load();
        store.replaceOne(Filters.and(Filters.eq("_id", ID), Filters.eq("fencedFor", target)),
                new Document("_id", ID).append("generation", state.generation()));
    }

    /** Makes {@code generation} current for every instance, lifting any fence. */
    public synchronized void switchTo(int generation) {
        store.replaceOne(Filters.eq("_id", ID), new Document("_id", ID).append("generation", generation),
                new ReplaceOptions().upsert(true));
        remember(generation);
    }

    State load() {
        return stateOf(store.find(Filters.eq("_id", ID)).first());
    }

    private static State stateOf(Document document) {
        if (document == null) {
            return new State(0, null, null);
        }
        Number renewed = document.get("fenceRenewedAt", Number.class);
        return new State(document.getInteger("generation", 0), document.getInteger("fencedFor"),
                renewed == null ? Instant.EPOCH : Instant.ofEpochMilli(renewed.longValue()));
    }

    private void liftAbandoned(State state) {
        long renewed = state.fenceRenewedAt().toEpochMilli();
        long lifted = store.replaceOne(Filters.and(Filters.eq("_id", ID), Filters.eq("fencedFor", state.fencedFor()),
                        Filters.eq("fenceRenewedAt", renewed)),
                new Document("_id", ID).append("generation", state.generation())).getModifiedCount();
        if (lifted == 1) {
            log.warn("Lifted the fence of the rebuild of generation {}: not renewed since {} (its rebuild stopped); "
                    + "generation {} serves on", state.fencedFor(), state.fenceRenewedAt(), state.generation());
        }
    }

    private void remember(int generation) {
        current = generation;
        readAt = clock.instant();
    }

    private static void pause() {
        try {
            Thread.sleep(WAIT_STEP.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while a rebuild's fence stood", e);
        }
    }
}
