package com.example.credentials.query;

import org.axonframework.config.EventProcessingConfigurer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Configuration;

/** Every read model is fed by a pooled streaming processor that catches up from the start of the log. */
@Configuration
class QuerySideProcessing {

    static final int BATCH_SIZE = 100;

    @Autowired
    void pooledProcessorsByDefault(EventProcessingConfigurer processing) {
        processing.usingPooledStreamingEventProcessors((configuration, builder) -> builder.batchSize(BATCH_SIZE));
    }
}
