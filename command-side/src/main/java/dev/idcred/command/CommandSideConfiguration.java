package dev.idcred.command;

import dev.idcred.shared.common.AuditMetadata;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.MessageOriginProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The write side's beans: the origin and the actor every event inherits. */
@Configuration
public class CommandSideConfiguration {

    /** The processing group whose handlers keep the write side's lookup tables; see {@code directory}. */
    public static final String DIRECTORY_GROUP = "credential-directory";

    @Bean
    static CorrelationDataProvider messageOrigin() {
        return new MessageOriginProvider();
    }

    @Bean
    static CorrelationDataProvider actorOfEveryEvent() {
        return new SimpleCorrelationDataProvider(AuditMetadata.ACTOR_ID, AuditMetadata.ACTOR_CREDENTIAL_ID);
    }
}
