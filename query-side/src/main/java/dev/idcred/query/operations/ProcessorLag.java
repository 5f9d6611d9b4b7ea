package dev.idcred.query.operations;

import dev.idcred.query.processing.AppliedPositions;
import dev.idcred.query.processing.ReadModelProcessors;
import dev.idcred.query.processing.ReadSideProperties;
import dev.idcred.query.support.Projection;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.Status;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeMap;

/**
 * How many events each read model's processor is behind the head of the log, across every instance: the gauge
 * {@code credentials.processor.lag{processing_group}} and the readiness component {@code processors}, which is
 * OUT_OF_SERVICE while any processor is more than {@code credentials.read-side.max-lag} events behind. An empty log
 * has nothing to lag; a processor that has not started yet reports -1.
 */
@Component("processors")
class ProcessorLag implements HealthIndicator, MeterBinder {

    private final List<String> groups;
    private final AppliedPositions applied;
    private final EventStore events;
    private final EventProcessingConfiguration processing;
    private final long maxLag;

    ProcessorLag(List<Projection> projections, AppliedPositions applied, @Lazy EventStore events,
                 @Lazy EventProcessingConfiguration processing, ReadSideProperties properties) {
        this.groups = projections.stream().map(ReadModelProcessors::groupOf).sorted().toList();
        this.applied = applied;
        this.events = events;
        this.processing = processing;
        this.maxLag = properties.maxLag();
    }

    /**
     * Segments this instance holds whose processing fails (each retried with back-off): a view that cannot apply an
     * event is out of order however small its lag.
     */
    Map<String, String> failingSegments() {
        var failing = new TreeMap<String, String>();
        for (String group : groups) {
            processing.eventProcessor(group, StreamingEventProcessor.class).ifPresent(processor ->
                    processor.processingStatus().forEach((segment, status) -> {
                        if (status.isErrorState()) {
                            failing.put(group + "/" + segment, String.valueOf(status.getError()));
                        }
                    }));
        }
        return failing;
    }

    /** Events behind the head of the log per processing group; -1 while a processor has no token yet. */
    Map<String, Long> lagByProcessingGroup() {
        TrackingToken headToken = events.createHeadToken();
        long head = headToken == null ? -1 : headToken.position().orElse(-1L);
        var lag = new LinkedHashMap<String, Long>();
        for (String group : groups) {
            OptionalLong position = applied.of(group);
            lag.put(group, head < 0 ? 0 : position.isEmpty() ? -1 : Math.max(0, head - position.getAsLong()));
        }
        return lag;
    }

    @Override
    public Health health() {
        try {
            Map<String, Long> lag = lagByProcessingGroup();
            Map<String, String> failing = failingSegments();
            boolean behind = lag.values().stream().anyMatch(events -> events > maxLag);
            Status status = !failing.isEmpty() ? Status.DOWN : behind ? Status.OUT_OF_SERVICE : Status.UP;
            Health.Builder health = Health.status(status).withDetails(Map.copyOf(lag)).withDetail("maxLag", maxLag);
            return failing.isEmpty() ? health.build() : health.withDetail("failing", failing).build();
        } catch (RuntimeException e) {
            return Health.down().withDetail("error", e.getClass().getSimpleName()).build();
        }
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        for (String group : groups) {
            Gauge.builder("credentials.processor.lag", () -> lagByProcessingGroup().getOrDefault(group, -1L))
                    .tag("processing_group", group)
                    .description("Events the processor is behind the head of the log")
                    .baseUnit("events")
                    .register(registry);
        }
    }
}
