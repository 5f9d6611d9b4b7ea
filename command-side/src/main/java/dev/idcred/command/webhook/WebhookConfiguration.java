package dev.idcred.command.webhook;

import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Duration;

/**
 * Webhooks' wiring: where they may point, and the outbox's own tracking processor, one segment, its token in
 * PostgreSQL (Axon's JDBC token store) so that queuing a delivery and moving past its event commit together.
 */
@Configuration
@EnableConfigurationProperties(WebhookProperties.class)
class WebhookConfiguration {

    @Bean
    WebhookTargets webhookTargets(WebhookProperties properties) {
        return new WebhookTargets(properties.allowLoopback());
    }

    @Autowired
    void outboxProcessor(EventProcessingConfigurer processing, ConnectionProvider connections,
                         @Qualifier("serializer") Serializer serializer) {
        processing.registerTrackingEventProcessor(WebhookOutbox.GROUP,
                        configuration -> configuration.eventStore(),
                        configuration -> TrackingEventProcessorConfiguration.forSingleThreadedProcessing()
                                .andBatchSize(50))
                .registerTokenStore(WebhookOutbox.GROUP, configuration -> JdbcTokenStore.builder()
                        .connectionProvider(connections)
                        .serializer(serializer)
                        .claimTimeout(Duration.ofSeconds(10))
                        .build());
    }
}
