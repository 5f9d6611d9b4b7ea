package dev.idcred.launcher.credentials;

import com.fasterxml.jackson.databind.JsonNode;
import dev.idcred.command.CommandSideApplication;
import dev.idcred.launcher.support.Api;
import dev.idcred.launcher.support.RunningService;
import dev.idcred.shared.credential.PersonalAccessTokenDeleted;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The seed: a vendor account's personal access tokens are deleted when its tenant access expires, and so is whatever
 * else it made that would outlive its access (its webhooks).
 */
class TenantAccessExpiryIT {

    private static String vendor(Api api, String admin, String name, Instant expiry) {
        var body = new LinkedHashMap<String, Object>();
        body.put("name", name);
        body.put("kind", "SUPPORT");
        body.put("tenantAccessExpiresAt", expiry.toString());
        return api.post("/v3/identities", admin, body).expect(200).field("id");
    }

    @Test
    void tokensAreDeletedBySystemWhenTheAccessExpiresWhileTheServiceRuns() {
        Api api = RunningService.shared().api();
        String admin = api.adminToken();
        String support = vendor(api, admin, "Expiring support", Instant.now().plusSeconds(3));
        Api.Response first = api.createPat(admin, support, "first", List.of("sp:scopes:all")).expect(200);
        Api.Response second = api.createPat(admin, support, "second", null).expect(200);
        api.token(first.field("id"), first.field("secret"));

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            api.tokenRequest(first.field("id"), first.field("secret")).expect(401);
            api.tokenRequest(second.field("id"), second.field("secret")).expect(401);
        });
        await().untilAsserted(() -> {
            JsonNode trail = api.get("/v3/audit-events?subjectId=" + first.field("id"), admin).expect(200).body();
            JsonNode deletion = trail.get(trail.size() - 1);
            assertThat(deletion.path("type").asText()).isEqualTo("PersonalAccessTokenDeleted");
            assertThat(deletion.path("actorId").asText()).isEqualTo("system");
            assertThat(deletion.path("details").path("reason").asText()).contains("expired");
        });
        await().untilAsserted(() -> assertThat(api.get("/v3/personal-access-tokens?owner-id=" + support, admin)
                .expect(200).body()).isEmpty());
        api.createPat(admin, support, "too late", null).expect(403);
    }

    @Test
    void webhooksAVendorAccountRegisteredEndWithItsAccess() {
        Api api = RunningService.shared().api();
        String admin = api.adminToken();
        String support = vendor(api, admin, "Hooking support", Instant.now().plusSeconds(4));
        api.patch("/v3/auth-users/" + support, admin, List.of(Map.of("op", "replace", "path", "/capabilities",
                "value", List.of("CREDENTIAL_SECURITY")))).expect(200);
        Api.Response pat = api.createPat(admin, support, "hooks", List.of("idn:webhooks:manage")).expect(200);
        String token = api.token(pat.field("id"), pat.field("secret"));
        String vendorsHook = api.post("/v3/webhooks", token, Map.of("url", "http://127.0.0.1:9/vendor",
                "eventTypes", List.of("credential.created"))).expect(200).field("id");
        String tenantsHook = api.post("/v3/webhooks", admin, Map.of("url", "http://127.0.0.1:9/tenant",
                "eventTypes", List.of("credential.created"))).expect(200).field("id");

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                api.get("/v3/webhooks/" + vendorsHook, admin).expect(404));
        api.get("/v3/webhooks/" + tenantsHook, admin).expect(200);
        api.delete("/v3/webhooks/" + tenantsHook, admin).expect(204);
    }

    @Test
    void expiryMovedIntoThePastTakesEffectWithinSeconds() {
        Api api = RunningService.shared().api();
        String admin = api.adminToken();
        String support = vendor(api, admin, "Revoked support", Instant.now().plusSeconds(86_400));
        Api.Response pat = api.createPat(admin, support, "revoked", null).expect(200);
        api.token(pat.field("id"), pat.field("secret"));

        api.patch("/v3/identities/" + support, admin, List.of(Map.of("op", "replace",
                "path", "/tenantAccessExpiresAt", "value", Instant.now().minusSeconds(1).toString()))).expect(200);

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                api.tokenRequest(pat.field("id"), pat.field("secret")).expect(401));
    }

    @Test
    void expiryThatPassedWhileTheServiceWasDownIsEnforcedAtTheNextStart() {
        var dataDir = RunningService.newDataDir();
        String tokenId;
        String secret;
        try (RunningService first = RunningService.start(dataDir, "--credentials.expiry.check-interval=PT1H")) {
            Api api = first.api();
            String admin = api.adminToken();
            String support = vendor(api, admin, "Away support", Instant.now().plusSeconds(2));
            Api.Response pat = api.createPat(admin, support, "while away", null).expect(200);
            tokenId = pat.field("id");
            secret = pat.field("secret");
        }
        try (RunningService restarted = RunningService.start(dataDir, "--credentials.expiry.check-interval=PT1H")) {
            await().atMost(Duration.ofSeconds(15)).untilAsserted(() ->
                    restarted.api().tokenRequest(tokenId, secret).expect(401));
        }
    }

    @Test
    void twoCommandSideInstancesDeleteEachTokenExactlyOnce() {
        RunningService service = RunningService.shared();
        Api api = service.api();
        String admin = api.adminToken();
        JdbcTemplate jdbc = service.bean(JdbcTemplate.class);
        Environment stores = service.bean(Environment.class);
        try (ConfigurableApplicationContext secondInstance = new SpringApplicationBuilder(CommandSideApplication.class)
                .properties("spring.config.name=command-side")
                .run("--server.port=0", "--credentials.data-dir=" + RunningService.newDataDir(),
                        "--spring.datasource.url=" + stores.getProperty("spring.datasource.url"),
                        "--credentials.expiry.check-interval=PT0.2S")) {
            String support = vendor(api, admin, "Raced support", Instant.now().plusSeconds(2));
            var tokens = List.of(api.createPat(admin, support, "a", null).expect(200).field("id"),
                    api.createPat(admin, support, "b", null).expect(200).field("id"),
                    api.createPat(admin, support, "c", null).expect(200).field("id"));

            await().atMost(Duration.ofSeconds(20)).until(() -> deletions(jdbc, tokens) == tokens.size());
            await().pollDelay(Duration.ofSeconds(1)).until(() -> true);
            assertThat(deletions(jdbc, tokens)).isEqualTo(tokens.size());
        }
    }

    private static int deletions(JdbcTemplate jdbc, List<String> tokens) {
        Integer count = jdbc.queryForObject("select count(*) from domainEventEntry where payloadType like "
                + "'%PersonalAccessTokenDeleted' and aggregateIdentifier in (?, ?, ?)", Integer.class,
                tokens.toArray());
        return count == null ? 0 : count;
    }
}
