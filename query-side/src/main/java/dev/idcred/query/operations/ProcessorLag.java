package dev.idcred.query.operations;

import dev.idcred.query.scope.EffectiveScopeProjection;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.Status;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How many events each read model's processor is behind the head of the log: the gauge
 * {@code credentials.processor.lag{processing_group}} and the readiness component {@code processors}, which is
 * OUT_OF_SERVICE while any processor is more than {@code credentials.read-side.max-lag} events behind.
 */
@Component("processors")
class ProcessorLag implements HealthIndicator, MeterBinder {

    private static final Status BEHIND = Status.OUT_OF_SERVICE;
    static final List<String> READ_MODEL_GROUPS = List.of("api-clients", "personal-access-tokens", "identities",
            "virtual-appliances", EffectiveScopeProjection.GROUP);

    private final EventProcessingConfiguration processing;
    private final EventStore events;
    private final long maxLag;

    ProcessorLag(@Lazy EventProcessingConfiguration processing, @Lazy EventStore events,
                 @Value("${credentials.read-side.max-lag:10000}") long maxLag) {
        this.processing = processing;
        this.events = events;
        this.maxLag = maxLag;
    }

    /** Events behind the head of the log per processing group; -1 while a processor holds no segment. */
    Map<String, Long> lagByProcessingGroup() {
        long head = events.createHeadToken().position().orElse(0L);
        var lag = new LinkedHashMap<String, Long>();
        processing.eventProcessors().forEach((name, processor) -> {
            if (processor instanceof StreamingEventProcessor streaming) {
                lag.put(name, streaming.processingStatus().values().stream()
                        .mapToLong(status -> head - status.getCurrentPosition().orElse(0L))
                        .max().orElse(-1L));
            }
        });
        return lag;
    }

    @Override
    public Health health() {
        Map<String, Long> lag = lagByProcessingGroup();
        boolean behind = lag.values().stream().anyMatch(events -> events > maxLag);
        return Health.status(behind ? BEHIND : Status.UP).withDetails(Map.copyOf(lag)).withDetail("maxLag", maxLag)
                .build();
    }

    /** One gauge per read model's processing group (the processor of a group bears its name). */
    @Override
    public void bindTo(MeterRegistry registry) {
        for (String group : READ_MODEL_GROUPS) {
            Gauge.builder("credentials.processor.lag", () -> lagByProcessingGroup().getOrDefault(group, -1L))
                    .tag("processing_group", group)
                    .description("Events the processor is behind the head of the log")
                    .baseUnit("events")
                    .register(registry);
        }
    }
}
