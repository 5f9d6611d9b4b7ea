package dev.idcred.command;

import dev.idcred.shared.common.AuditMetadata;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.MessageOriginProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;
import java.time.ZoneOffset;

/** The write side's beans: the clock aggregates take time from, and the actor every event inherits. */
@Configuration
public class CommandSideConfiguration {

    /** The processing group whose handlers keep the write side's lookup tables; see {@code directory}. */
    public static final String DIRECTORY_GROUP = "credential-directory";

    /** Milliseconds, the precision the v3 API shows, so a command's response and later reads agree. */
    @Bean
    static Clock clock() {
        return Clock.tickMillis(ZoneOffset.UTC);
    }

    @Bean
    static CorrelationDataProvider messageOrigin() {
        return new MessageOriginProvider();
    }

    @Bean
    static CorrelationDataProvider actorOfEveryEvent() {
        return new SimpleCorrelationDataProvider(AuditMetadata.ACTOR_ID);
    }
}
