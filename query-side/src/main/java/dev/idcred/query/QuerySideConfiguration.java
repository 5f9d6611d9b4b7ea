package dev.idcred.query;

import com.mongodb.ConnectionString;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import dev.idcred.query.processing.HandOverTokenStore;
import dev.idcred.query.processing.QuerySideInstances;
import dev.idcred.query.processing.ReadModelProcessors;
import dev.idcred.query.processing.ReadSideProperties;
import dev.idcred.query.support.Projection;
import dev.idcred.query.support.ReadModelGenerations;
import dev.idcred.query.support.ReadModels;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.extensions.mongo.DefaultMongoTemplate;
import org.axonframework.extensions.mongo.eventsourcing.tokenstore.MongoTokenStore;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;
import java.util.List;

/**
 * The read side's wiring, by hand (no starter: the embedded wire-protocol server has no sessions): the MongoDB
 * database of the read models, their generations, the tracking tokens beside them, and the registry of live
 * query-side instances that share the processors' segments. The event log it reads is wired in
 * {@code eventlog.EventLogConfiguration}.
 */
@Configuration
@EnableConfigurationProperties({ReadSideProperties.class, QuerySideConfiguration.ReadModelStore.class})
public class QuerySideConfiguration {

    /** Where the read models are kept: {@code MONGODB_URI}. */
    @ConfigurationProperties("credentials.mongodb")
    record ReadModelStore(String uri) {
    }

    @Bean(destroyMethod = "close")
    MongoClient mongoClient(ReadModelStore store) {
        return MongoClients.create(store.uri());
    }

    @Bean
    MongoDatabase readModels(MongoClient client, ReadModelStore store) {
        String database = new ConnectionString(store.uri()).getDatabase();
        return client.getDatabase(database != null ? database : "credentials");
    }

    @Bean
    ReadModelGenerations readModelGenerations(MongoDatabase database, Clock clock) {
        return new ReadModelGenerations(database, clock);
    }

    @Bean
    ReadModels liveReadModels(MongoDatabase database, ReadModelGenerations generations) {
        return ReadModels.live(database, generations);
    }

    @Bean
    QuerySideInstances querySideInstances(MongoDatabase database, List<Projection> projections,
                                          ReadSideProperties properties) {
        return new QuerySideInstances(database, ReadModelProcessors.segmentsByGroup(projections), properties);
    }

    /** Once the service is ready (its processors run), this instance takes its share of the segments. */
    @Bean
    ApplicationListener<ApplicationReadyEvent> claimSegmentsWhenReady(QuerySideInstances instances) {
        return ready -> instances.startClaiming();
    }

    @Bean
    TokenStore tokenStore(MongoDatabase readModels, @Qualifier("serializer") Serializer serializer,
                          QuerySideInstances instances, ReadSideProperties properties, Clock clock) {
        return new HandOverTokenStore(MongoTokenStore.builder()
                .mongoTemplate(DefaultMongoTemplate.builder().mongoDatabase(readModels).build())
                .serializer(serializer)
                .claimTimeout(properties.claimTimeout())
                .nodeId(instances.id()), readModels, instances, clock);
    }
}
