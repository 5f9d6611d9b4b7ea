package com.example.credentials.command;

import com.example.credentials.shared.common.AuditMetadata;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.MessageOriginProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.axonframework.messaging.interceptors.BeanValidationInterceptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;

/**
 * The write side's wiring: the clock aggregates take time from, the actor every event inherits from its command,
 * Bean Validation on every command, and the credential directory kept in the command's own transaction.
 */
@Configuration
public class CommandSideConfiguration {

    /** The processing group whose handlers keep the write side's lookup tables; see {@code directory}. */
    public static final String DIRECTORY_GROUP = "credential-directory";

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    CorrelationDataProvider messageOrigin() {
        return new MessageOriginProvider();
    }

    @Bean
    CorrelationDataProvider actorOfEveryEvent() {
        return new SimpleCorrelationDataProvider(AuditMetadata.ACTOR_ID);
    }

    @Autowired
    void validateCommands(CommandBus commandBus) {
        commandBus.registerDispatchInterceptor(new BeanValidationInterceptor<>());
    }

    @Autowired
    void keepDirectoryInTheCommandTransaction(EventProcessingConfigurer processing) {
        processing.registerSubscribingEventProcessor(DIRECTORY_GROUP)
                .registerListenerInvocationErrorHandler(DIRECTORY_GROUP, c -> PropagatingErrorHandler.instance());
    }
}
