package dev.idcred.query;

import dev.idcred.query.scope.EffectiveScopeProjection;
import dev.idcred.query.support.CommitNotifyingEventSource;
import org.axonframework.config.Configuration;
import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.async.SequentialPolicy;
import org.axonframework.lifecycle.Phase;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

/**
 * Every read model is fed by a pooled streaming processor that catches up from the start of the log, reading
 * through one {@link CommitNotifyingEventSource} so new events reach the read models as soon as they commit. The
 * effective-scope view, where one owner's change touches many credentials, handles the log strictly in order.
 */
@org.springframework.context.annotation.Configuration
public class QuerySideProcessing {

    static final int BATCH_SIZE = 100;

    private final long tickMillis;
    private CommitNotifyingEventSource source;

    QuerySideProcessing(@Value("${credentials.read-side.poll-millis:500}") long tickMillis) {
        this.tickMillis = tickMillis;
    }

    @Autowired
    void pooledProcessorsByDefault(EventProcessingConfigurer processing) {
        processing.usingPooledStreamingEventProcessors((configuration, builder) -> builder
                        .messageSource(source(configuration))
                        .batchSize(BATCH_SIZE))
                .registerSequencingPolicy(EffectiveScopeProjection.GROUP, configuration -> new SequentialPolicy());
    }

    /** Has the read models' processors look for new events at once (see {@link CommitNotifyingEventSource#wake}). */
    public synchronized void wakeProcessors() {
        if (source != null) {
            source.wake();
        }
    }

    private synchronized CommitNotifyingEventSource source(Configuration configuration) {
        if (source == null) {
            source = new CommitNotifyingEventSource(configuration.eventStore(), tickMillis);
            configuration.onShutdown(Phase.OUTBOUND_EVENT_CONNECTORS, source::close);
        }
        return source;
    }
}
