package dev.idcred.query.rebuild;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import dev.idcred.query.operations.ViewIntegrity;
import dev.idcred.query.processing.QuerySideInstances;
import dev.idcred.query.processing.ReadModelProcessors;
import dev.idcred.query.processing.ReadSideProperties;
import dev.idcred.query.support.Projection;
import dev.idcred.query.support.ReadModelGenerations;
import dev.idcred.query.support.ReadModels;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.IntPredicate;
import java.util.function.ToDoubleFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Rebuilds every read model from the log into the next generation while the current one keeps serving, on any
 * number of query-side instances. A fresh copy of every {@link Projection} (found by type, so a new view is rebuilt
 * without being listed here) folds the log in memory; then the rebuild {@linkplain ReadModelGenerations#fence fences}
 * the current generation, so no processor batch of any instance writes, folds what the log gained up to its head,
 * writes the new generation in bulk and switches every instance to it. The processors resume into it from their
 * tokens (every projection is idempotent, so what they apply twice changes nothing). The retired generation is
 * dropped {@code credentials.read-side.retire-after} later, when no instance reads it any more.
 * <p>
 * One rebuild runs at a time across all instances: its progress is kept in MongoDB ({@code read_model_rebuild}), so
 * any instance answers for it and a second request joins the one under way. A rebuild whose instance died stops
 * being renewed; after {@link #ABANDONED_AFTER} it shows as failed and another may start.
 */
@Component
public class ReadModelRebuild implements MeterBinder {

    static final Duration ABANDONED_AFTER = Duration.ofSeconds(30);
    private static final Logger log = LoggerFactory.getLogger(ReadModelRebuild.class);
    private static final Duration REPORT_EVERY = Duration.ofSeconds(2);
    private static final int CAUGHT_UP_WAIT_MILLIS = 200;
    /** Folded before the fence, so the fenced stretch (when no batch writes) is short. */
    private static final long CLOSE_ENOUGH = 1_000;
    private static final String ID = "current";

    private final EventStore events;
    private final MongoDatabase database;
    private final MongoCollection<Document> shared;
    private final ReadModelGenerations generations;
    private final List<Projection> projections;
    private final ViewIntegrity integrity;
    private final Duration retireAfter;
    private final String instance;
    private final Clock clock;
    private volatile RebuildProgress mine;

    ReadModelRebuild(@Lazy EventStore events, MongoDatabase database, ReadModelGenerations generations,
                     List<Projection> projections, ViewIntegrity integrity, QuerySideInstances instances,
                     ReadSideProperties properties, Clock clock) {
        this.events = events;
        this.database = database;
        this.shared = database.getCollection("read_model_rebuild");
        this.generations = generations;
        this.projections = projections;
        this.integrity = integrity;
        this.retireAfter = properties.retireAfter();
        this.instance = instances.id();
        this.clock = clock;
    }

    /** Starts a rebuild unless one is under way on any instance; answers the progress of the one that runs. */
    public synchronized RebuildProgress start() {
        Document running = shared.find(Filters.eq("_id", ID)).first();
        RebuildProgress current = running == null ? null : progressOf(running);
        if (current != null && current.state().isUnderWay()) {
            return current;
        }
        int target = generations.current() + 1;
        long inLog = headPosition() + 1;
        String run = UUID.randomUUID().toString();
        RebuildProgress started = new RebuildProgress(RebuildProgress.State.RUNNING, target, 0, inLog, 0, null,
                clock.instant(), null, null);
        Document claim = documentOf(started, run);
        boolean claimed;
        if (running == null) {
            try {
                shared.insertOne(claim);
                claimed = true;
            } catch (RuntimeException raced) {
                claimed = false;
            }
        } else {
            claimed = shared.replaceOne(Filters.and(Filters.eq("_id", ID), Filters.eq("run", running.get("run"))),
                    claim).getModifiedCount() == 1;
        }
        if (!claimed) {
            return progress();
        }
        mine = started;
        Thread worker = new Thread(() -> run(started, run), "read-model-rebuild-" + target);
        worker.setDaemon(true);
        worker.start();
        return started;
    }

    /** The progress of the last rebuild on any instance, or null if none ran. */
    public RebuildProgress progress() {
        Document document = shared.find(Filters.eq("_id", ID)).first();
        return document == null ? null : progressOf(document);
    }

    /** The last rebuild's progress as gauges: events done, events in the log, rate, seconds left. */
    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("credentials.rebuild.events.done", () -> measure(RebuildProgress::eventsDone))
                .baseUnit("events").register(registry);
        Gauge.builder("credentials.rebuild.events.in.log", () -> measure(RebuildProgress::eventsInLog))
                .baseUnit("events").register(registry);
        Gauge.builder("credentials.rebuild.events.per.second", () -> measure(RebuildProgress::eventsPerSecond))
                .register(registry);
        Gauge.builder("credentials.rebuild.seconds.left",
                        () -> measure(p -> p.secondsLeft() == null ? -1 : p.secondsLeft()))
                .baseUnit("seconds").register(registry);
    }

    private double measure(ToDoubleFunction<RebuildProgress> value) {
        RebuildProgress current = mine;
        return current == null ? 0 : value.applyAsDouble(current);
    }

    private void run(RebuildProgress started, String run) {
        int target = started.generation();
        int retired = target - 1;
        Fold fold = new Fold(started, run);
        boolean fenced = false;
        try {
            ReadModels next = ReadModels.buffered(database, target);
            projections.forEach(projection -> fold.handlers.add(
                    new AnnotationEventHandlerAdapter(projection.into(next))));
            try (BlockingStream<TrackedEventMessage<?>> stream = events.openStream(null)) {
                fold.through(stream, headPosition());
                long head = headPosition();
                for (int round = 0; round < 5 && head - fold.position > CLOSE_ENOUGH; round++) {
                    fold.through(stream, head);
                    head = headPosition();
                }
                if (!generations.fence(retired, target)) {
                    throw new IllegalStateException("generation " + retired + " is no longer current");
                }
                fenced = true;
                fold.state = RebuildProgress.State.WRITING;
                fold.through(stream, headPosition());
            }
            fold.report(true);
            dropGenerations(next.collectionNames(), generation -> generation != retired);
            long documents = next.flush(() -> fold.report(false));
            integrity.checkedThrough(target, projections.stream().map(ReadModelProcessors::groupOf).toList(),
                    fold.position);
            generations.switchTo(target);
            fenced = false;
            fold.state = RebuildProgress.State.DONE;
            fold.finishedAt = clock.instant();
            fold.report(true);
            log.info("Read-model rebuild: generation {} ({} documents, the log through position {}) serves now",
                    target, documents, fold.position);
            retireLater(next.collectionNames(), target);
        } catch (Exception e) {
            if (fenced) {
                generations.unfence(target);
            }
            log.error("Read-model rebuild of generation {} failed; generation {} keeps serving", target,
                    generations.current(), e);
            fold.state = RebuildProgress.State.FAILED;
            fold.finishedAt = clock.instant();
            fold.failure = e.getClass().getSimpleName();
            fold.report(true);
        }
    }

    /** The fold of the log into the next generation, and the shared progress it renews as it goes. */
    private final class Fold {
        private final RebuildProgress started;
        private final String run;
        private final List<AnnotationEventHandlerAdapter> handlers = new ArrayList<>();
        private RebuildProgress.State state = RebuildProgress.State.RUNNING;
        private long done;
        private long position = -1;
        private Instant finishedAt;
        private String failure;
        private Instant nextReport;
        private Instant nextLog;

        private Fold(RebuildProgress started, String run) {
            this.started = started;
            this.run = run;
            this.nextReport = clock.instant();
            this.nextLog = clock.instant().plus(Duration.ofSeconds(5));
        }

        /** Applies events until one at or after {@code head} is applied, or none comes within a moment. */
        void through(BlockingStream<TrackedEventMessage<?>> stream, long head) throws Exception {
            while (position < head && stream.hasNextAvailable(CAUGHT_UP_WAIT_MILLIS, TimeUnit.MILLISECONDS)) {
                TrackedEventMessage<?> event = stream.nextAvailable();
                for (AnnotationEventHandlerAdapter handler : handlers) {
                    if (handler.canHandle(event)) {
                        handler.handle(event);
                    }
                }
                done++;
                position = Math.max(position, event.trackingToken().position().orElse(position));
                if (done % 1000 == 0) {
                    report(false);
                }
            }
        }

        /** Publishes the progress (at most every {@link #REPORT_EVERY} unless {@code now}) and renews the fence. */
        void report(boolean now) {
            Instant at = clock.instant();
            if (!now && at.isBefore(nextReport)) {
                return;
            }
            nextReport = at.plus(REPORT_EVERY);
            double seconds = Math.max(Duration.between(started.startedAt(), at).toMillis(), 1) / 1000.0;
            double rate = done / seconds;
            long left = Math.max(started.eventsInLog() - done, 0);
            Long secondsLeft = finishedAt != null ? Long.valueOf(0) : rate > 0 ? Math.round(left / rate) : null;
            RebuildProgress progress = new RebuildProgress(state, started.generation(), done, started.eventsInLog(),
                    Math.round(rate * 10) / 10.0, secondsLeft, started.startedAt(), finishedAt, failure);
            mine = progress;
            shared.replaceOne(Filters.and(Filters.eq("_id", ID), Filters.eq("run", run)), documentOf(progress, run),
                    new ReplaceOptions());
            if (state == RebuildProgress.State.WRITING) {
                generations.renewFence(started.generation());
            }
            if (at.isAfter(nextLog)) {
                log.info("Read-model rebuild: {}", progress);
                nextLog = at.plus(Duration.ofSeconds(5));
            }
        }
    }

    /** Drops the retired generation once no instance reads it: every instance follows a switch within moments. */
    private void retireLater(Set<String> names, int serving) {
        Thread retire = new Thread(() -> {
            try {
                Thread.sleep(retireAfter.toMillis());
                dropGenerations(names, generation -> generation < serving);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException e) {
                log.warn("Could not drop the retired read models (the next rebuild drops them): {}", e.toString());
            }
        }, "read-model-retire-" + serving);
        retire.setDaemon(true);
        retire.start();
    }

    /** Drops the generations {@code dropped} of the read models' collections {@code names}. */
    private void dropGenerations(Set<String> names, IntPredicate dropped) {
        List<Pattern> patterns = names.stream().map(name -> Pattern.compile(Pattern.quote(name) + "(?:_g(\\d+))?"))
                .toList();
        for (String collection : database.listCollectionNames()) {
            for (Pattern pattern : patterns) {
                Matcher matcher = pattern.matcher(collection);
                if (matcher.matches()) {
                    int generation = matcher.group(1) == null ? 0 : Integer.parseInt(matcher.group(1));
                    if (dropped.test(generation)) {
                        database.getCollection(collection).drop();
                    }
                    break;
                }
            }
        }
    }

    private long headPosition() {
        TrackingToken head = events.createHeadToken();
        return head == null ? -1 : head.position().orElse(-1L);
    }

    private Document documentOf(RebuildProgress progress, String run) {
        return new Document("_id", ID).append("run", run).append("instance", instance)
                .append("renewedAt", Date.from(clock.instant()))
                .append("state", progress.state().name()).append("generation", progress.generation())
                .append("eventsDone", progress.eventsDone()).append("eventsInLog", progress.eventsInLog())
                .append("eventsPerSecond", progress.eventsPerSecond()).append("secondsLeft", progress.secondsLeft())
                .append("startedAt", Date.from(progress.startedAt()))
                .append("finishedAt", progress.finishedAt() == null ? null : Date.from(progress.finishedAt()))
                .append("failure", progress.failure());
    }

    private RebuildProgress progressOf(Document document) {
        RebuildProgress.State state = RebuildProgress.State.valueOf(document.getString("state"));
        Date renewed = document.getDate("renewedAt");
        boolean abandoned = state.isUnderWay()
                && renewed.toInstant().plus(ABANDONED_AFTER).isBefore(clock.instant());
        Number secondsLeft = document.get("secondsLeft", Number.class);
        Date finished = document.getDate("finishedAt");
        return new RebuildProgress(abandoned ? RebuildProgress.State.FAILED : state,
                document.getInteger("generation"), document.get("eventsDone", Number.class).longValue(),
                document.get("eventsInLog", Number.class).longValue(),
                document.get("eventsPerSecond", Number.class).doubleValue(),
                abandoned ? null : secondsLeft == null ? null : secondsLeft.longValue(),
                document.getDate("startedAt").toInstant(),
                abandoned ? renewed.toInstant() : finished == null ? null : finished.toInstant(),
                abandoned ? "Abandoned: its instance stopped" : document.getString("failure"));
    }
}
