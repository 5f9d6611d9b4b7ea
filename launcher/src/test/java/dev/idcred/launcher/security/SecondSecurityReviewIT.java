package dev.idcred.launcher.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import dev.idcred.launcher.support.Api;
import dev.idcred.launcher.support.RunningService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 17: each finding of the second security review, as the reviewer reproduced it, now refused; and the service
 * answering others while it refuses.
 */
class SecondSecurityReviewIT {

    private static final RunningService SERVICE = RunningService.shared();
    private final Api api = SERVICE.api();
    private final String admin = api.adminToken();
    private final List<HttpServer> receivers = new ArrayList<>();

    private final List<String> webhooks = new ArrayList<>();

    @AfterEach
    void stopReceivers() {
        webhooks.forEach(id -> api.delete("/v3/webhooks/" + id, admin));
        receivers.forEach(receiver -> receiver.stop(0));
    }

    /** A person of the tenant with these levels, and a token of their own PAT with this scope. */
    private record Person(String id, String patId, String token) {
    }

    private Person person(String kind, List<String> scope, String... levels) {
        String id = api.createIdentity(admin, "Person " + ThreadLocalRandom.current().nextInt(1_000_000), kind,
                levels);
        Api.Response pat = api.createPat(admin, id, "own " + scope, scope).expect(200);
        return new Person(id, pat.field("id"), api.token(pat.field("id"), pat.field("secret")));
    }

    private static List<Map<String, Object>> copyBomb(String field, int operations) {
        var bomb = new ArrayList<Map<String, Object>>();
        for (int i = 0; i < operations; i++) {
            bomb.add(Map.of("op", "copy", "from", "/" + field, "path", "/" + field + "/0"));
        }
        return bomb;
    }

    @Test
    void aPatchThatDoublesTheDocumentIsRefusedAtOnceOnEveryResourceAndTheServiceGoesOnAnswering() {
        Person user = person("USER", List.of("idn:my-personal-access-tokens:manage"));
        Instant sent = Instant.now();
        api.patch("/v3/personal-access-tokens/" + user.patId(), user.token(), copyBomb("scope", 30)).expect(400);
        assertThat(Duration.between(sent, Instant.now())).isLessThan(Duration.ofSeconds(2));

        String webhook = webhook(9);
        api.patch("/v3/oauth-clients/" + RunningService.ADMIN_CLIENT_ID, admin, copyBomb("redirectUris", 30))
                .expect(400);
        api.patch("/v3/identities/" + user.id(), admin, copyBomb("networkRules", 30)).expect(400);
        api.patch("/v3/auth-users/" + user.id(), admin, copyBomb("capabilities", 30)).expect(400);
        api.patch("/v3/webhooks/" + webhook, admin, copyBomb("eventTypes", 30)).expect(400);

        var tooMany = new ArrayList<Map<String, Object>>();
        for (int i = 0; i < 51; i++) {
            tooMany.add(Map.of("op", "replace", "path", "/name", "value", "n" + i));
        }
        assertThat(api.patch("/v3/personal-access-tokens/" + user.patId(), user.token(), tooMany).expect(400)
                .text()).contains("at most 50 operations");
        api.patch("/v3/personal-access-tokens/" + user.patId(), user.token(),
                List.of(Map.of("op", "add", "path", "/owner", "value", "someone"))).expect(400);
        api.get("/v3/oauth-clients/" + RunningService.ADMIN_CLIENT_ID, admin).expect(200);
        api.get("/actuator/health/liveness", null).expect(200);
    }

    @Test
    void aNarrowTokenCanMakeChangeOrRotateNoTokenWiderThanItself() {
        Person user = person("USER", List.of("idn:my-personal-access-tokens:manage"), "ORG_ADMIN");
        for (List<String> scope : List.of(List.of("sp:scopes:all"), List.of("idn:identities:read"))) {
            api.post("/v3/personal-access-tokens", user.token(), Map.of("name", "wider " + scope, "scope", scope))
                    .expect(403);
        }
        api.post("/v3/personal-access-tokens", user.token(), Map.of("name", "as narrow",
                "scope", List.of("idn:my-personal-access-tokens:manage"))).expect(200);
        api.patch("/v3/personal-access-tokens/" + user.patId(), user.token(), List.of(Map.of("op", "replace",
                "path", "/scope", "value", List.of("sp:scopes:all")))).expect(403);
        String wide = api.createPat(admin, user.id(), "wide", List.of("sp:scopes:all")).expect(200).field("id");
        api.post("/v3/personal-access-tokens/" + wide + "/secret", user.token(), Map.of()).expect(403);
        api.patch("/v3/personal-access-tokens/" + wide, user.token(), List.of(Map.of("op", "replace",
                "path", "/name", "value", "renamed by a narrow token"))).expect(200);
    }

    @Test
    void aClientThatManagesClientsCannotRotateTheAdministratorsClientNorMakeAWiderOne() {
        Api.Response manager = api.post("/v3/oauth-clients", admin, Map.of("name", "client manager",
                "scope", List.of("idn:oauth-clients:manage"))).expect(200);
        String token = api.token(manager.field("id"), manager.field("secret"));
        Api.Response rotated = api.post("/v3/oauth-clients/" + RunningService.ADMIN_CLIENT_ID + "/secret", token,
                Map.of());
        assertThat(rotated.status()).isEqualTo(403);
        assertThat(rotated.text()).doesNotContain("idcs_");
        api.post("/v3/oauth-clients", token, Map.of("name", "wider", "scope", List.of("sp:scopes:all")))
                .expect(403);
        api.patch("/v3/oauth-clients/" + manager.field("id"), token, List.of(Map.of("op", "replace",
                "path", "/scope", "value", List.of("sp:scopes:all")))).expect(403);
        api.post("/v3/oauth-clients", token, Map.of("name", "as narrow",
                "scope", List.of("idn:oauth-clients:manage"))).expect(200);
        api.token(RunningService.ADMIN_CLIENT_ID, RunningService.ADMIN_CLIENT_SECRET);
    }

    @Test
    void levelsAreGrantedOnlyWithinTheCallersRightsAndNeverToOneself() {
        Person granter = person("USER", List.of("idn:auth-users:manage", "idn:audit:read"), "ORG_ADMIN");
        String other = api.createIdentity(admin, "Granted to", "USER");
        api.patch("/v3/auth-users/" + other, granter.token(), List.of(Map.of("op", "add", "path", "/capabilities/-",
                "value", "ORG_ADMIN"))).expect(403);
        api.patch("/v3/auth-users/" + other, granter.token(), List.of(Map.of("op", "add", "path",
                "/capabilities/-", "value", "das:ui-auditor"))).expect(200);
        Person full = person("USER", List.of("sp:scopes:all"), "ORG_ADMIN");
        api.patch("/v3/auth-users/" + full.id(), full.token(), List.of(Map.of("op", "add", "path",
                "/capabilities/-", "value", "HELPDESK"))).expect(403);
        JsonNode levels = api.get("/v3/auth-users/" + full.id(), admin).expect(200).body().path("capabilities");
        assertThat(levels.toString()).doesNotContain("HELPDESK");
    }

    @Test
    void aVendorAccountCannotOutlastItsAccessNorActForOthers() {
        var body = new LinkedHashMap<String, Object>();
        body.put("name", "Visiting support");
        body.put("kind", "SUPPORT");
        body.put("tenantAccessExpiresAt", Instant.now().plus(Duration.ofDays(1)).toString());
        String vendor = api.post("/v3/identities", admin, body).expect(200).field("id");
        api.patch("/v3/auth-users/" + vendor, admin, List.of(Map.of("op", "replace", "path", "/capabilities",
                "value", List.of("ORG_ADMIN")))).expect(200);
        Api.Response pat = api.createPat(admin, vendor, "vendor", List.of("sp:scopes:all")).expect(200);
        String token = api.token(pat.field("id"), pat.field("secret"));

        api.patch("/v3/identities/" + vendor, token, List.of(Map.of("op", "replace", "path",
                "/tenantAccessExpiresAt", "value", "2099-01-01T00:00:00Z"))).expect(403);
        api.patch("/v3/auth-users/" + vendor, token, List.of(Map.of("op", "replace", "path", "/capabilities",
                "value", List.of()))).expect(403);
        api.post("/v3/personal-access-tokens", token, Map.of("name", "admin's", "ownerId", "bootstrap-admin"))
                .expect(403);
        api.post("/v3/identities", token, Map.of("name", "Forever", "kind", "USER")).expect(403);
        api.post("/v3/oauth-clients/" + RunningService.ADMIN_CLIENT_ID + "/secret", token, Map.of()).expect(403);
        api.post("/v3/personal-access-tokens", token, Map.of("name", "its own",
                "scope", List.of("idn:identities:read"))).expect(200);
        Instant accessEnds = Instant.parse(api.get("/v3/identities/" + vendor, admin).expect(200)
                .field("tenantAccessExpiresAt"));
        assertThat(accessEnds).isBefore(Instant.now().plus(Duration.ofDays(2)));
    }

    @Test
    void aReceiverThatTricklesOrNeverAnswersDelaysNoOtherDelivery() {
        var fast = new ConcurrentHashMap<String, Instant>();
        for (int i = 0; i < 3; i++) {
            webhook(receiver(exchange -> {
                exchange.sendResponseHeaders(200, 0);
                try (OutputStream out = exchange.getResponseBody()) {
                    for (int second = 0; second < 40; second++) {
                        out.write('.');
                        out.flush();
                        Thread.sleep(500);
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }));
        }
        List<String> silent = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            silent.add(webhook(receiver(exchange -> {
                try {
                    Thread.sleep(60_000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            })));
        }
        webhook(receiver(exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            fast.put(body, Instant.now());
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        }));
        Instant created = Instant.now();
        var owners = new ArrayList<String>();
        for (int i = 0; i < 4; i++) {
            String owner = api.createIdentity(admin, "Hooked " + i, "USER");
            owners.add(api.createPat(admin, owner, "hooked", null).expect(200).field("id"));
        }
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(owners).allSatisfy(pat ->
                assertThat(fast.keySet()).anySatisfy(body -> assertThat(body).contains(pat))));
        assertThat(fast.values()).allSatisfy(at -> assertThat(Duration.between(created, at))
                .isLessThan(Duration.ofSeconds(4)));
        await().atMost(Duration.ofSeconds(25)).untilAsserted(() -> {
            JsonNode log = api.get("/v3/webhooks/" + silent.get(0) + "/deliveries", admin).expect(200).body();
            assertThat(log.findValuesAsText("lastError")).anySatisfy(error ->
                    assertThat(error).startsWith("No answer within"));
        });
    }

    @Test
    void webhookAddressesThatReachInsideAreRefusedInWordsThatNameNoAddress() {
        for (String url : List.of("https://0177.0.0.1/hook", "https://0x7f.1/hook", "https://2130706433/hook",
                "https://[64:ff9b::a00:1]/hook", "https://[2002:a00:1::]/hook", "https://[::a00:1]/hook",
                "https://[::ffff:169.254.169.254]/hook", "https://169.254.169.254/latest/meta-data")) {
            Api.Response refused = api.post("/v3/webhooks", admin, Map.of("url", url,
                    "eventTypes", List.of("credential.created")));
            assertThat(refused.status()).as(url).isEqualTo(400);
            assertThat(refused.text()).as(url).doesNotContain("127.0.0.1", "10.0.0.1", "169.254", "::");
        }
    }

    @Test
    void guessingAClientsSecretFromManyPlacesLeavesTheRightfulClientIn() {
        Api.Response client = api.post("/v3/oauth-clients", admin, Map.of("name", "guessed at")).expect(200);
        Api usual = api.withHeaders(Map.of("X-Forwarded-For", randomAddress()));
        usual.tokenRequest(client.field("id"), client.field("secret")).expect(200);
        for (int i = 0; i < 25; i++) {
            api.withHeaders(Map.of("X-Forwarded-For", randomAddress())).tokenRequest(client.field("id"),
                    "wrong-" + i);
        }
        usual.tokenRequest(client.field("id"), client.field("secret")).expect(200);
        Api.Response elsewhere = api.withHeaders(Map.of("X-Forwarded-For", randomAddress()))
                .tokenRequest(client.field("id"), client.field("secret")).expect(429);
        assertThat(elsewhere.headers().firstValue("Retry-After")).isPresent();
        assertThat(api.get("/v3/audit-events?subjectId=" + client.field("id"), admin).expect(200).body()
                .findValuesAsText("type")).contains("ClientAuthenticationThrottled");
    }

    @Test
    void aClientIdGuessedFromOneAddressWaitsLongerAfterEachFailure() {
        Api.Response client = api.post("/v3/oauth-clients", admin, Map.of("name", "guessed from one place"))
                .expect(200);
        Api from = api.withHeaders(Map.of("X-Forwarded-For", randomAddress()));
        for (int i = 0; i < 5; i++) {
            from.tokenRequest(client.field("id"), "wrong-" + i).expect(401);
        }
        Api.Response waiting = from.tokenRequest(client.field("id"), client.field("secret")).expect(429);
        assertThat(waiting.field("detailCode")).isEqualTo("429 Too many requests");
        await().atMost(Duration.ofSeconds(3)).until(() ->
                from.tokenRequest(client.field("id"), "wrong-again").status() == 401);
        Api.Response longer = from.tokenRequest(client.field("id"), client.field("secret")).expect(429);
        assertThat(Long.parseLong(longer.headers().firstValue("Retry-After").orElseThrow())).isGreaterThanOrEqualTo(2);
        api.withHeaders(Map.of("X-Forwarded-For", randomAddress())).tokenRequest(client.field("id"),
                client.field("secret")).expect(200);
    }

    @Test
    void controlCharactersInAClientIdReachNeitherTheLogNorTheAuditTrail() {
        String id = "evil\r\nINJECTED";
        String basic = Base64.getEncoder().encodeToString((id + ":wrong").getBytes(StandardCharsets.UTF_8));
        Api from = api.withHeaders(Map.of("X-Forwarded-For", randomAddress(), "Authorization", "Basic " + basic));
        for (int i = 0; i < 6; i++) {
            from.form("/oauth/token", Map.of("grant_type", "client_credentials"));
        }
        JsonNode events = api.get("/v3/audit-events?subjectId=evil%3F%3FINJECTED", admin)
                .expect(200).body();
        assertThat(events.findValuesAsText("type")).contains("ClientAuthenticationThrottled");
        assertThat(RunningService.logsOfThisRun()).doesNotContain("\nINJECTED");
    }

    @Test
    void anIdOfAnotherKindOfCredentialIsNotFound() {
        String owner = api.createIdentity(admin, "Kinds", "USER");
        String pat = api.createPat(admin, owner, "a token", null).expect(200).field("id");
        String client = api.post("/v3/oauth-clients", admin, Map.of("name", "a client")).expect(200).field("id");
        api.post("/v3/personal-access-tokens/" + client + "/secret", admin, Map.of()).expect(404);
        api.post("/v3/oauth-clients/" + pat + "/secret", admin, Map.of()).expect(404);
        api.patch("/v3/oauth-clients/" + pat, admin, List.of(Map.of("op", "replace", "path", "/name",
                "value", "x"))).expect(404);
        api.delete("/v3/virtual-appliances/" + pat, admin).expect(404);
        api.delete("/v3/personal-access-tokens/" + client, admin).expect(404);
    }

    @Test
    void aVirtualApplianceKeyIsChangedOnlyWithItsAppliance() {
        Api.Response appliance = api.post("/v3/virtual-appliances", admin, Map.of("name", "va")).expect(200);
        Api.Response patched = api.patch("/v3/oauth-clients/" + appliance.field("clientId"), admin,
                List.of(Map.of("op", "replace", "path", "/scope", "value", List.of("sp:scopes:all"))));
        assertThat(patched.status()).isEqualTo(400);
        assertThat(patched.field("detailCode")).isEqualTo("400.1.4 Virtual appliance key");
    }

    private String webhook(int port) {
        String id = api.post("/v3/webhooks", admin, Map.of("url", "http://127.0.0.1:" + port + "/hook",
                "eventTypes", List.of("credential.created"))).expect(200).field("id");
        webhooks.add(id);
        return id;
    }

    private int receiver(com.sun.net.httpserver.HttpHandler handler) {
        try {
            HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            receiver.setExecutor(Executors.newCachedThreadPool());
            receiver.createContext("/hook", handler);
            receiver.start();
            receivers.add(receiver);
            return receiver.getAddress().getPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String randomAddress() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return "198.51." + random.nextInt(256) + "." + (1 + random.nextInt(254));
    }
}
