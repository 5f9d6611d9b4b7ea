package dev.idcred.query.operations;

import com.mongodb.MongoInterruptedException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.ReplaceOptions;
import dev.idcred.query.processing.AppliedPositions;
import dev.idcred.query.processing.ReadModelProcessors;
import dev.idcred.query.processing.ReadSideProperties;
import dev.idcred.query.support.Projection;
import dev.idcred.query.support.ReadModelGenerations;
import dev.idcred.query.support.ReadModels;
import dev.idcred.query.support.ViewDocuments;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.context.annotation.Lazy;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Checks every view against the log, at start and every {@code credentials.read-side.integrity-interval}: for each
 * event a view's processor says it has applied (up to its applied position, across all instances), of an aggregate
 * the view mirrors and of a type the view handles, the view's document of that aggregate must have applied it (its
 * {@code version} is at or after the event's sequence number), and what the view derives from those documents (a listing's pages, an
 * owner's index) must agree with them. The log is read from where the last check ended; a view that missed an event
 * makes the health component {@code views} DOWN, naming the document and the event, until a rebuild replaces it. So
 * a view that silently lost events can no longer answer UP. Results are kept per generation (a rebuild's new one
 * starts clean, checked from where the rebuild's fold ended); health answers the last result without waiting.
 */
@Component("views")
public class ViewIntegrity implements HealthIndicator, SchedulingConfigurer {

    private static final Logger log = LoggerFactory.getLogger(ViewIntegrity.class);
    private static final int LOOKUP_BATCH = 500;

    /** A view's document that lacks what its processor applied: where, and what is wrong with it. */
    public record Gap(String document, String problem) {
    }

    private record Checked(Projection projection, String group, AnnotationEventHandlerAdapter handlers) {
    }

    private final List<Checked> views;
    private final EventStore events;
    private final AppliedPositions applied;
    private final ReadModels readModels;
    private final ReadModelGenerations generations;
    private final MongoCollection<Document> progress;
    private final Duration interval;
    private final Clock clock;
    /** Gaps found, by generation, then by view: a rebuild's new generation starts with none. */
    private final Map<Integer, Map<String, List<Gap>>> gaps = new ConcurrentHashMap<>();
    private volatile Instant checkedAt;

    ViewIntegrity(List<Projection> projections, @Lazy EventStore events, AppliedPositions applied,
                  ReadModels readModels, ReadModelGenerations generations, MongoDatabase database,
                  ReadSideProperties properties, Clock clock) {
        this.views = projections.stream().map(projection -> new Checked(projection,
                ReadModelProcessors.groupOf(projection), new AnnotationEventHandlerAdapter(projection))).toList();
        this.events = events;
        this.applied = applied;
        this.readModels = readModels;
        this.generations = generations;
        this.progress = database.getCollection("view_integrity");
        this.interval = properties.integrityInterval();
        this.clock = clock;
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar tasks) {
        tasks.addFixedDelayTask(this::check, interval);
    }

    /**
     * The last check's result for the generation serving now, with its age: never waits for a check under way (the
     * first check of a large log reads all of it), so health and readiness answer at once.
     */
    @Override
    public Health health() {
        int generation = generations.current();
        Map<String, List<Gap>> found = gaps.getOrDefault(generation, Map.of());
        Instant at = checkedAt;
        Health.Builder health = found.isEmpty() ? Health.up() : Health.down().withDetail("gaps", Map.copyOf(found))
                .withDetail("remedy", "POST /v3/read-model-rebuilds rebuilds every view from the log");
        health.withDetail("generation", generation);
        if (at != null) {
            health.withDetail("checkedAt", at.toString())
                    .withDetail("checkedSecondsAgo", Duration.between(at, clock.instant()).toSeconds());
        }
        return health.build();
    }

    /** Checks every view of the generation serving now from where its last check ended. */
    public synchronized void check() {
        int generation = generations.current();
        gaps.keySet().removeIf(other -> other != generation);
        for (Checked view : views) {
            if (Thread.currentThread().isInterrupted()) {
                return; // the service is stopping: the next start checks again
            }
            try {
                check(view, generation);
            } catch (RuntimeException e) {
                if (Thread.currentThread().isInterrupted() || e instanceof MongoInterruptedException) {
                    log.debug("View check of {} stopped by the shutdown", view.group());
                    return;
                }
                log.warn("Could not check the view {} against the log: {}", view.group(), e.toString());
            }
        }
        checkedAt = clock.instant();
    }

    /**
     * Records that {@code generation}'s views hold every event through {@code position}: a rebuild made them from
     * the log, so their checks start there instead of reading the whole log again.
     */
    public void checkedThrough(int generation, List<String> groups, long position) {
        for (String group : groups) {
            String key = group + "@" + generation;
            progress.replaceOne(Filters.eq("_id", key), new Document("_id", key).append("checkedThrough", position),
                    new ReplaceOptions().upsert(true));
        }
    }

    private void check(Checked view, int generation) {
        OptionalLong appliedThrough = applied.of(view.group());
        if (appliedThrough.isEmpty()) {
            return;
        }
        String key = view.group() + "@" + generation;
        Document checked = progress.find(Filters.eq("_id", key)).first();
        long from = checked == null ? -1 : checked.get("checkedThrough", Number.class).longValue();
        long through = appliedThrough.getAsLong();
        if (through <= from) {
            return;
        }
        Map<String, Map<String, Long>> expected = expectedPositions(view, from, through);
        List<Gap> found = new ArrayList<>();
        expected.forEach((collection, byAggregate) -> found.addAll(missing(view.group(), collection, byAggregate)));
        var touched = new HashSet<String>();
        expected.values().forEach(byAggregate -> touched.addAll(byAggregate.keySet()));
        view.projection().mismatches(touched).forEach(mismatch -> found.add(new Gap(view.group() + "/" + mismatch,
                "disagrees with the document it is made from")));
        Map<String, List<Gap>> ofGeneration = gaps.computeIfAbsent(generation, g -> new ConcurrentHashMap<>());
        if (!found.isEmpty()) {
            ofGeneration.put(view.group(), List.copyOf(found.size() > 20 ? found.subList(0, 20) : found));
            log.error("The view {} (generation {}) misses {} event(s) it applied, such as {}; rebuild it",
                    view.group(), generation, found.size(), found.get(0));
            return;
        }
        ofGeneration.remove(view.group());
        progress.replaceOne(Filters.eq("_id", key), new Document("_id", key).append("checkedThrough", through),
                new ReplaceOptions().upsert(true));
    }

    /**
     * For each mirrored collection, the last sequence number of a handled event of each aggregate whose events at log
     * positions (from, through] the view's processor has applied.
     */
    private Map<String, Map<String, Long>> expectedPositions(Checked view, long from, long through) {
        Map<String, String> mirrors = view.projection().mirrors();
        Map<String, Map<String, Long>> expected = new HashMap<>();
        GapAwareTrackingToken start = from < 0 ? null : GapAwareTrackingToken.newInstance(from, Collections.emptySet());
        try (BlockingStream<TrackedEventMessage<?>> stream = events.openStream(start)) {
            while (stream.hasNextAvailable(0, TimeUnit.MILLISECONDS)) {
                TrackedEventMessage<?> event = stream.nextAvailable();
                long position = event.trackingToken().position().orElse(Long.MAX_VALUE);
                if (position > through) {
                    break;
                }
                if (event instanceof DomainEventMessage<?> domain && domain.getType() != null
                        && mirrors.containsKey(domain.getType())
                        && view.handlers().canHandleType(event.getPayloadType())) {
                    expected.computeIfAbsent(mirrors.get(domain.getType()), c -> new HashMap<>())
                            .merge(domain.getAggregateIdentifier(), domain.getSequenceNumber(), Math::max);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return expected;
    }

    private List<Gap> missing(String group, String collection, Map<String, Long> byAggregate) {
        var found = new ArrayList<Gap>();
        List<String> ids = new ArrayList<>(byAggregate.keySet());
        for (int i = 0; i < ids.size(); i += LOOKUP_BATCH) {
            List<String> batch = ids.subList(i, Math.min(i + LOOKUP_BATCH, ids.size()));
            Map<String, Long> versions = new HashMap<>();
            readModels.collection(collection).find(Filters.in("_id", batch))
                    .projection(Projections.include(ViewDocuments.VERSION))
                    .forEach(d -> versions.put(d.getString("_id"), ViewDocuments.versionOf(d)));
            for (String id : batch) {
                long has = versions.getOrDefault(id, -1L);
                if (has < byAggregate.get(id)) {
                    found.add(new Gap(group + "/" + collection + "/" + id, "misses its aggregate's event "
                            + byAggregate.get(id) + (has < 0 ? " (no document)" : " (has applied up to " + has + ")")));
                }
            }
        }
        return found;
    }
}
