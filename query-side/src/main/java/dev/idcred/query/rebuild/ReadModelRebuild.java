package dev.idcred.query.rebuild;

import dev.idcred.query.support.Projection;
import dev.idcred.query.support.ReadModelGenerations;
import dev.idcred.query.support.ReadModels;
import com.mongodb.client.MongoDatabase;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Rebuilds every read model from the log into the next generation while the current one keeps serving: a fresh copy
 * of every {@link Projection} (found by type, so a new view is rebuilt without being listed here) folds the log in
 * memory, the live processors pause for the last stretch, the new generation is
 * written in bulk and made current, and the live processors resume into it from their tokens (every projection is
 * idempotent, so what they apply twice changes nothing). The previous generation is kept until the next rebuild,
 * for comparison or rollback. Run it with one query-side instance: others would not pause.
 */
@Component
public class ReadModelRebuild implements MeterBinder {

    private static final Logger log = LoggerFactory.getLogger(ReadModelRebuild.class);
    private static final Duration REPORT_EVERY = Duration.ofSeconds(5);
    private static final int CAUGHT_UP_WAIT_MILLIS = 200;

    private final EventStore events;
    private final MongoDatabase database;
    private final ReadModelGenerations generations;
    private final List<Projection> projections;
    private final EventProcessingConfiguration processing;
    private final Clock clock;
    private final AtomicReference<RebuildProgress> progress = new AtomicReference<>();

    ReadModelRebuild(EventStore events, MongoDatabase database, ReadModelGenerations generations,
                     List<Projection> projections, EventProcessingConfiguration processing, Clock clock) {
        this.processing = processing;
        this.events = events;
        this.database = database;
        this.generations = generations;
        this.projections = projections;
        this.clock = clock;
    }

    /** Starts a rebuild unless one is running; answers the progress of the one that runs. */
    public synchronized RebuildProgress start() {
        RebuildProgress current = progress.get();
        if (current != null && current.state().isUnderWay()) {
            return current;
        }
        int target = generations.current() + 1;
        TrackingToken head = events.createHeadToken();
        long inLog = head == null ? 0 : head.position().orElse(0L);
        progress.set(new RebuildProgress(RebuildProgress.State.RUNNING, target, 0, inLog, 0, null, clock.instant(),
                null, null));
        Thread worker = new Thread(() -> run(target), "read-model-rebuild-" + target);
        worker.setDaemon(true);
        worker.start();
        return progress.get();
    }

    public RebuildProgress progress() {
        return progress.get();
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

    private double measure(java.util.function.ToDoubleFunction<RebuildProgress> value) {
        RebuildProgress current = progress.get();
        return current == null ? 0 : value.applyAsDouble(current);
    }

    private void run(int target) {
        RebuildProgress started = progress.get();
        try {
            ReadModels next = ReadModels.buffered(database, target);
            var handlers = new ArrayList<AnnotationEventHandlerAdapter>();
            projections.forEach(projection -> handlers.add(new AnnotationEventHandlerAdapter(projection.into(next))));
            try (BlockingStream<TrackedEventMessage<?>> stream = events.openStream(null)) {
                long done = applyUntilCaughtUp(stream, handlers, started, 0);
                List<StreamingEventProcessor> paused = pauseLiveProcessors();
                try {
                    done = applyUntilCaughtUp(stream, handlers, started, done);
                    report(RebuildProgress.State.WRITING, started, done, null);
                    dropGeneration(target);
                    long documents = next.flush();
                    generations.switchTo(target);
                    log.info("Read-model rebuild: generation {} ({} documents) serves now", target, documents);
                } finally {
                    paused.forEach(EventProcessor::start);
                }
                report(RebuildProgress.State.DONE, started, done, clock.instant());
            }
            log.info("Read-model rebuild of generation {} done: {}", target, progress.get());
        } catch (Exception e) {
            log.error("Read-model rebuild of generation {} failed; generation {} keeps serving", target,
                    generations.current(), e);
            RebuildProgress last = progress.get();
            progress.set(new RebuildProgress(RebuildProgress.State.FAILED, target, last.eventsDone(),
                    last.eventsInLog(), last.eventsPerSecond(), null, last.startedAt(), clock.instant(),
                    e.getClass().getSimpleName()));
        }
    }

    private long applyUntilCaughtUp(BlockingStream<TrackedEventMessage<?>> stream,
                                    List<AnnotationEventHandlerAdapter> handlers, RebuildProgress started,
                                    long doneBefore) throws Exception {
        long done = doneBefore;
        Instant nextReport = clock.instant().plus(REPORT_EVERY);
        while (stream.hasNextAvailable(CAUGHT_UP_WAIT_MILLIS, TimeUnit.MILLISECONDS)) {
            TrackedEventMessage<?> event = stream.nextAvailable();
            for (AnnotationEventHandlerAdapter handler : handlers) {
                if (handler.canHandle(event)) {
                    handler.handle(event);
                }
            }
            done++;
            if (done % 1000 == 0) {
                report(progress.get().state(), started, done, null);
                if (clock.instant().isAfter(nextReport)) {
                    log.info("Read-model rebuild: {}", progress.get());
                    nextReport = clock.instant().plus(REPORT_EVERY);
                }
            }
        }
        return done;
    }

    /**
     * Stops the live processors for the last stretch, so no event reaches the old generation that the new one would
     * miss; they resume from their tokens afterwards, into the new generation, and re-apply what they must.
     */
    private List<StreamingEventProcessor> pauseLiveProcessors() {
        List<StreamingEventProcessor> running = processing.eventProcessors().values().stream()
                .filter(StreamingEventProcessor.class::isInstance)
                .map(StreamingEventProcessor.class::cast)
                .filter(EventProcessor::isRunning)
                .toList();
        running.forEach(processor -> processor.shutdownAsync().join());
        return running;
    }

    private void report(RebuildProgress.State state, RebuildProgress started, long done, Instant finishedAt) {
        double seconds = Math.max(Duration.between(started.startedAt(), clock.instant()).toMillis(), 1) / 1000.0;
        double rate = done / seconds;
        long left = Math.max(started.eventsInLog() - done, 0);
        Long secondsLeft = rate > 0 ? Math.round(left / rate) : null;
        progress.set(new RebuildProgress(state, started.generation(), done, started.eventsInLog(),
                Math.round(rate * 10) / 10.0, finishedAt != null ? Long.valueOf(0) : secondsLeft,
                started.startedAt(), finishedAt, null));
    }

    private void dropGeneration(int generation) {
        for (String name : database.listCollectionNames()) {
            if (generation > 0 && name.endsWith("_g" + generation)) {
                database.getCollection(name).drop();
            }
        }
    }
}
