package dev.idcred.launcher.reliability;

import dev.idcred.command.CommandSideApplication;
import dev.idcred.launcher.EmbeddedStores;
import dev.idcred.launcher.support.Api;
import dev.idcred.launcher.support.RunningService;
import dev.idcred.query.QuerySideApplication;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The production topology in one JVM: the command side and the query side as separate applications over the same
 * stores, as docker-compose runs them. The query side verifies tokens with the key set the command side publishes,
 * follows the log the command side writes, and weighs every token against the authorization table the command side
 * keeps, so a deletion there stops the token here on the next call.
 */
class SplitTopologyIT {

    /** Both sides name the one issuer their clients reach them at, as every split deployment must. */
    private static final String ISSUER = "http://localhost:8080";

    @Test
    void eachSideServesItsPartOfTheApi() {
        Path dataDir = RunningService.newDataDir();
        try (EmbeddedStores stores = EmbeddedStores.start(dataDir, true, 0, true, 0);
             ConfigurableApplicationContext commandSide = new SpringApplicationBuilder(CommandSideApplication.class)
                     .properties("spring.config.name=command-side")
                     .run("--server.port=0", "--credentials.data-dir=" + dataDir,
                             "--spring.datasource.url=" + stores.postgresJdbcUrl().orElseThrow(),
                             "--credentials.bootstrap.client-id=" + RunningService.ADMIN_CLIENT_ID,
                             "--credentials.bootstrap.client-secret=" + RunningService.ADMIN_CLIENT_SECRET,
                             "--credentials.network.trusted-proxies=" + RunningService.TRUSTED_PROXY,
                             "--credentials.issuer-url=" + ISSUER)) {
            Api commands = new Api("http://127.0.0.1:" + port(commandSide));
            try (ConfigurableApplicationContext querySide = new SpringApplicationBuilder(QuerySideApplication.class)
                    .properties("spring.config.name=query-side")
                    .run("--server.port=0", "--credentials.data-dir=" + dataDir,
                            "--spring.datasource.url=" + stores.postgresJdbcUrl().orElseThrow(),
                            "--credentials.mongodb.uri=" + stores.mongoUri().orElseThrow(),
                            "--credentials.jwk-set-uri=" + commands.base() + "/oauth/jwks",
                            "--credentials.issuer-url=" + ISSUER)) {
                Api queries = new Api("http://127.0.0.1:" + port(querySide));
                String admin = commands.adminToken();
                String owner = commands.createIdentity(admin, "Split owner", "USER");
                Api.Response pat = commands.createPat(admin, owner, "split", List.of("sp:scopes:all")).expect(200);

                await().untilAsserted(() -> assertThat(queries.get("/v3/personal-access-tokens?owner-id=" + owner,
                        admin).expect(200).body()).hasSize(1));
                queries.get("/v3/oauth-clients", null).expect(401);
                queries.get("/v3/oauth-clients", commands.token(pat.field("id"), pat.field("secret"))).expect(403);
                assertThat(queries.get("/actuator/health/readiness", null).expect(200).text()).contains("processors");
                commands.get("/v3/oauth-clients", admin).expect(405);

                // A deletion committed on the command side stops the token on the query side with its next call.
                String token = commands.token(pat.field("id"), pat.field("secret"));
                queries.get("/v3/personal-access-tokens?owner-id=me", token).expect(200);
                commands.delete("/v3/personal-access-tokens/" + pat.field("id"), admin).expect(204);
                queries.get("/v3/personal-access-tokens?owner-id=me", token).expect(401);

                // The query side enforces network rules itself and writes its refusals to the same audit trail.
                String fenced = commands.post("/v3/identities", admin, Map.of("name", "Fenced", "kind", "USER",
                        "networkRules", Map.of("allowedCidrs", List.of("10.0.0.0/8")))).expect(200).field("id");
                Api.Response fencedPat = commands.createPat(admin, fenced, "fenced", List.of("sp:scopes:all"))
                        .expect(200);
                String fencedToken = commands.withHeaders(Map.of("X-Forwarded-For", "10.1.1.1"))
                        .token(fencedPat.field("id"), fencedPat.field("secret"));
                assertThat(queries.get("/v3/personal-access-tokens?owner-id=me", fencedToken).expect(403)
                        .field("detailCode")).isEqualTo("403.2 Network not allowed");
                assertThat(queries.get("/v3/audit-events?subjectId=" + fencedPat.field("id"), admin).expect(200)
                        .body().findValuesAsText("type")).contains("AccessRefused");
            }
        }
    }

    private static int port(ConfigurableApplicationContext context) {
        return ((ServletWebServerApplicationContext) context).getWebServer().getPort();
    }
}
