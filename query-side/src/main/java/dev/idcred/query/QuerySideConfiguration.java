package dev.idcred.query;

import com.mongodb.ConnectionString;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import dev.idcred.query.processing.EventFeed;
import dev.idcred.query.processing.NotifiedEventStore;
import dev.idcred.query.processing.QuerySideInstances;
import dev.idcred.query.processing.ReadModelProcessors;
import dev.idcred.query.processing.ReadSideProperties;
import dev.idcred.query.support.Projection;
import dev.idcred.query.support.ReadModelGenerations;
import dev.idcred.query.support.ReadModels;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.EventBusSpanFactory;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcSQLErrorCodesResolver;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.extensions.mongo.DefaultMongoTemplate;
import org.axonframework.extensions.mongo.eventsourcing.tokenstore.MongoTokenStore;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;
import java.util.List;

/**
 * The read side's wiring, by hand (no starter: the embedded wire-protocol server has no sessions): the MongoDB
 * database of the read models, their generations, the tracking tokens beside them, the event store and the feed the
 * processors read, and the registry of live query-side instances that share the processors' segments.
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

    /**
     * Axon's JDBC storage engine on the event table, as Axon's auto-configuration would make it (which steps aside
     * once an event store is defined here).
     */
    @Bean
    EventStorageEngine eventStorageEngine(Serializer serializer, @Qualifier("eventSerializer") Serializer events,
                                          org.axonframework.config.Configuration axon, ConnectionProvider connections,
                                          TransactionManager transactions) {
        return JdbcEventStorageEngine.builder()
                .snapshotSerializer(serializer)
                .upcasterChain(axon.upcasterChain())
                .persistenceExceptionResolver(new JdbcSQLErrorCodesResolver())
                .eventSerializer(events)
                .snapshotFilter(axon.snapshotFilter())
                .connectionProvider(connections)
                .transactionManager(transactions)
                .schema(new EventSchema())
                .build();
    }

    /** The event store, told by the log's notifications when another process appended events. */
    @Bean
    NotifiedEventStore eventStore(EventStorageEngine storageEngine, org.axonframework.config.Configuration axon) {
        return new NotifiedEventStore(EmbeddedEventStore.builder()
                .storageEngine(storageEngine)
                .messageMonitor(axon.messageMonitor(EventStore.class, "eventStore"))
                .spanFactory(axon.getComponent(EventBusSpanFactory.class)));
    }

    @Bean
    EventFeed eventFeed(NotifiedEventStore eventStore) {
        return new EventFeed(eventStore);
    }

    @Bean
    QuerySideInstances querySideInstances(MongoDatabase database, List<Projection> projections,
                                          ReadSideProperties properties) {
        return new QuerySideInstances(database, ReadModelProcessors.segmentsByGroup(projections), properties);
    }

    @Bean
    TokenStore tokenStore(MongoDatabase readModels, @Qualifier("serializer") Serializer serializer,
                          QuerySideInstances instances, ReadSideProperties properties) {
        return MongoTokenStore.builder()
                .mongoTemplate(DefaultMongoTemplate.builder().mongoDatabase(readModels).build())
                .serializer(serializer)
                .claimTimeout(properties.claimTimeout())
                .nodeId(instances.id())
                .build();
    }
}
