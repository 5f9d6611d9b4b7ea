package dev.idcred.launcher.security;

import com.mongodb.client.MongoDatabase;
import dev.idcred.launcher.support.Api;
import dev.idcred.launcher.support.RunningService;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A secret shows once, in its create response: never in the event store, the directory, a read model or the log. */
class SecretsAreNeverStoredIT {

    private final RunningService service = RunningService.shared();
    private final Api api = service.api();

    @Test
    void noSecretAppearsInTheEventStoreTheReadModelsOrTheLog() throws IOException {
        String admin = api.adminToken();
        String owner = api.createIdentity(admin, "Secret keeper", "USER", "ORG_ADMIN");
        Api.Response pat = api.createPat(admin, owner, "secret scan", List.of("sp:scopes:all")).expect(200);
        Api.Response client = api.post("/v3/oauth-clients", admin, Api.clientBody("secret scan")).expect(200);
        Api.Response appliance = api.post("/v3/virtual-appliances", admin, Map.of("name", "va-secret")).expect(200);
        Api.Response refreshing = api.post("/v3/oauth-clients", admin, Map.of("name", "secret refresh",
                "grantTypes", List.of("CLIENT_CREDENTIALS", "REFRESH_TOKEN"))).expect(200);
        String firstRefresh = api.tokenRequest(refreshing.field("id"), refreshing.field("secret")).expect(200)
                .field("refresh_token");
        String secondRefresh = api.form("/oauth/token", Map.of("grant_type", "refresh_token", "refresh_token",
                firstRefresh, "client_id", refreshing.field("id"), "client_secret", refreshing.field("secret")))
                .expect(200).field("refresh_token");
        api.form("/oauth/token", Map.of("grant_type", "refresh_token", "refresh_token", firstRefresh,
                "client_id", refreshing.field("id"), "client_secret", refreshing.field("secret"))).expect(400);
        List<String> secrets = List.of(pat.field("secret"), client.field("secret"), appliance.field("secret"),
                RunningService.ADMIN_CLIENT_SECRET, refreshing.field("secret"), firstRefresh, secondRefresh);
        api.token(pat.field("id"), pat.field("secret"));
        api.tokenRequest(client.field("id"), "wrong-" + client.field("secret")).expect(401);
        await().untilAsserted(() -> api.get("/v3/oauth-clients/" + client.field("id"), admin).expect(200));

        String stored = String.join("\n", eventStore(), directory(), readModels(), RunningService.logsOfThisRun());

        assertThat(stored).contains(pat.field("id")).contains(client.field("id"));
        for (String secret : secrets) {
            assertThat(stored).doesNotContain(secret);
        }
    }

    private String eventStore() {
        JdbcTemplate jdbc = service.bean(JdbcTemplate.class);
        return String.join("\n", jdbc.query("select payload, metaData from domainEventEntry",
                (row, n) -> new String(row.getBytes(1), StandardCharsets.UTF_8) + " "
                        + new String(row.getBytes(2), StandardCharsets.UTF_8)));
    }

    private String directory() {
        JdbcTemplate jdbc = service.bean(JdbcTemplate.class);
        return jdbc.queryForList("select * from access_credential").toString()
                + jdbc.queryForList("select * from access_identity") + jdbc.queryForList("select * from audit_entry")
                + jdbc.queryForList("select * from refresh_token_family");
    }

    private String readModels() {
        MongoDatabase database = service.bean(MongoDatabase.class);
        var all = new ArrayList<String>();
        for (String name : database.listCollectionNames()) {
            for (Document document : database.getCollection(name).find()) {
                all.add(document.toJson());
            }
        }
        return String.join("\n", all);
    }
}
