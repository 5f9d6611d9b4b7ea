package dev.idcred.query;

import dev.idcred.query.support.ReadModelGenerations;
import dev.idcred.query.support.ReadModels;
import com.mongodb.ConnectionString;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.extensions.mongo.DefaultMongoTemplate;
import org.axonframework.extensions.mongo.eventsourcing.tokenstore.MongoTokenStore;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;

/**
 * The read side's wiring, by hand (no starter: the embedded wire-protocol server has no sessions): the MongoDB
 * database of the read models, their generations, and the tracking tokens beside them.
 */
@Configuration
public class QuerySideConfiguration {

    @Bean(destroyMethod = "close")
    MongoClient mongoClient(@Value("${credentials.mongodb.uri}") String uri) {
        return MongoClients.create(uri);
    }

    @Bean
    MongoDatabase readModels(MongoClient client, @Value("${credentials.mongodb.uri}") String uri) {
        String database = new ConnectionString(uri).getDatabase();
        return client.getDatabase(database != null ? database : "credentials");
    }

    @Bean
    ReadModelGenerations readModelGenerations(MongoDatabase database) {
        return new ReadModelGenerations(database, Clock.systemUTC());
    }

    @Bean
    ReadModels liveReadModels(MongoDatabase database, ReadModelGenerations generations) {
        return ReadModels.live(database, generations);
    }

    @Bean
    TokenStore tokenStore(MongoDatabase readModels, @Qualifier("serializer") Serializer serializer) {
        return MongoTokenStore.builder()
                .mongoTemplate(DefaultMongoTemplate.builder().mongoDatabase(readModels).build())
                .serializer(serializer)
                .build();
    }
}
