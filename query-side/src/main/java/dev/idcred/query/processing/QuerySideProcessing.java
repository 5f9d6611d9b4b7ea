package dev.idcred.query.processing;

import dev.idcred.query.eventlog.EventFeed;
import dev.idcred.query.support.Projection;
import dev.idcred.query.support.ReadModelBatchFlush;
import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.async.SequentialPerAggregatePolicy;
import org.axonframework.eventhandling.pooled.MaxSegmentProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Configuration;

import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Every read model is fed by a pooled streaming processor reading the {@link EventFeed}. Events are sequenced per
 * aggregate (the aggregate's id: the same in every JVM, so whichever instance owns a segment after a restart or a
 * takeover resumes exactly where the segment's token says). A projection kept in log order has one segment; one
 * whose documents each follow one aggregate has several. Segments are shared fairly among the live query-side
 * instances ({@link QuerySideInstances}); claims are extended often and time out fast, so a dead instance's segments
 * are taken over within seconds. Each batch's documents are written once, before its token
 * ({@link ReadModelBatchFlush}).
 */
@Configuration
class QuerySideProcessing {

    @Autowired
    void processorsForProjections(EventProcessingConfigurer processing, List<Projection> projections, EventFeed feed,
                                  QuerySideInstances instances, ReadSideProperties properties) {
        for (Projection projection : projections) {
            String group = ReadModelProcessors.groupOf(projection);
            processing.registerPooledStreamingEventProcessor(group, configuration -> feed,
                            (configuration, builder) -> builder
                                    .initialSegmentCount(projection.segments())
                                    .batchSize(properties.batchSize())
                                    .tokenClaimInterval(properties.claimInterval().toMillis())
                                    .claimExtensionThreshold(properties.claimExtension().toMillis())
                                    .enableCoordinatorClaimExtension()
                                    .maxSegmentProvider(new FairShare(instances)))
                    .registerSequencingPolicy(group, configuration -> SequentialPerAggregatePolicy.instance());
        }
        processing.registerDefaultHandlerInterceptor((configuration, name) -> new ReadModelBatchFlush());
    }

    /**
     * The processor's fair share of its segments now. Axon's builder asks once, when the processor is configured,
     * and refuses zero, though zero is a fair share for an instance among many; that one question is answered with
     * one, every later one with the share itself (zero: release every segment).
     */
    private static final class FairShare implements MaxSegmentProvider {

        private final QuerySideInstances instances;
        private final AtomicBoolean configured = new AtomicBoolean();

        private FairShare(QuerySideInstances instances) {
            this.instances = instances;
        }

        @Override
        public int getMaxSegments(String processorName) {
            int share = instances.shareOf(processorName);
            return configured.getAndSet(true) ? share : Math.max(share, 1);
        }
    }
}
