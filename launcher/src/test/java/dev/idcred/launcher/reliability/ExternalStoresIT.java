package dev.idcred.launcher.reliability;

import dev.idcred.launcher.support.Api;
import dev.idcred.launcher.support.RunningService;
import org.junit.jupiter.api.Test;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.mongodb.MongoDBContainer;
import org.testcontainers.postgresql.PostgreSQLContainer;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The production stores: a real PostgreSQL and a MongoDB replica set in containers, reached through POSTGRES_URL and
 * MONGODB_URI exactly as docker-compose does. Runs where a Docker engine exists; skipped elsewhere.
 */
@Testcontainers(disabledWithoutDocker = true)
class ExternalStoresIT {

    @Container
    static final PostgreSQLContainer POSTGRES = new PostgreSQLContainer("postgres:17-alpine");

    @Container
    static final MongoDBContainer MONGO = new MongoDBContainer("mongo:8");

    @Test
    void serviceRunsOnExternalPostgresAndMongo() {
        try (RunningService service = RunningService.start(RunningService.newDataDir(),
                "--credentials.postgres.url=" + POSTGRES.getJdbcUrl(),
                "--spring.datasource.username=" + POSTGRES.getUsername(),
                "--spring.datasource.password=" + POSTGRES.getPassword(),
                "--credentials.mongodb.uri=" + MONGO.getReplicaSetUrl("credentials"))) {
            Api api = service.api();
            String admin = api.adminToken();
            String owner = api.createIdentity(admin, "External", "USER");
            Api.Response pat = api.createPat(admin, owner, "external", List.of("sp:scopes:all")).expect(200);
            api.token(pat.field("id"), pat.field("secret"));
            await().untilAsserted(() -> assertThat(api.get("/v3/personal-access-tokens?owner-id=" + owner, admin)
                    .expect(200).body()).hasSize(1));
        }
    }
}
