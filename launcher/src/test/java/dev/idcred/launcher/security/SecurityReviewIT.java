package dev.idcred.launcher.security;

import com.fasterxml.jackson.databind.JsonNode;
import dev.idcred.launcher.support.Api;
import dev.idcred.launcher.support.RunningService;
import org.junit.jupiter.api.Test;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Issue 10: each finding of the security review, as a request that the service now refuses. */
class SecurityReviewIT {

    private static final List<String> METHODS = List.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS",
            "TRACE");
    /** Reads any valid token may make on purpose: what a scope picker offers, which reveals no one's credentials. */
    private static final List<String> OPEN_TO_EVERY_TOKEN = List.of("GET /v3/rights-catalogue",
            "HEAD /v3/rights-catalogue");
    private final RunningService service = RunningService.shared();
    private final Api api = service.api();
    private final String admin = api.adminToken();

    @Test
    void everyRouteRefusesEveryMethodToATokenWithoutItsRightAndHeadReadsNothing() throws Exception {
        Api.Response noRights = api.post("/v3/oauth-clients", admin, Map.of("name", "default scope only"))
                .expect(200);
        String token = api.token(noRights.field("id"), noRights.field("secret"));
        HttpClient http = HttpClient.newHttpClient();
        var answers = new ArrayList<String>();
        for (RequestMappingInfo route : service.bean("requestMappingHandlerMapping", RequestMappingHandlerMapping.class).getHandlerMethods()
                .keySet()) {
            for (String pattern : route.getPatternValues()) {
                if (!pattern.startsWith("/v3")) {
                    continue;
                }
                String path = pattern.replaceAll("\\{[^}]+}", RunningService.ADMIN_CLIENT_ID);
                for (String method : METHODS) {
                    HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(api.base() + path
                                    + "?count=true")).header("Authorization", "Bearer " + token)
                            .method(method, HttpRequest.BodyPublishers.noBody()).build(),
                            HttpResponse.BodyHandlers.ofString());
                    boolean refused = response.statusCode() == 403 || response.statusCode() == 405
                            || method.equals("TRACE") && response.statusCode() == 400
                            || OPEN_TO_EVERY_TOKEN.contains(method + " " + path);
                    if (!refused || response.headers().firstValue("X-Total-Count").isPresent()) {
                        answers.add(method + " " + path + " answered " + response.statusCode());
                    }
                }
            }
        }
        assertThat(answers).isEmpty();
        HttpResponse<String> head = http.send(HttpRequest.newBuilder(URI.create(api.base()
                        + "/v3/audit-events?count=true")).header("Authorization", "Bearer " + token)
                .method("HEAD", HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(head.statusCode()).isEqualTo(403);
        api.get("/v3/rights-catalogue", null).expect(401);
    }

    @Test
    void refusalsOfOneRuleAreWrittenOnceAMinuteAndTheirRequestIsCut() {
        String owner = api.post("/v3/identities", admin, Map.of("name", "Flooded", "kind", "USER",
                "networkRules", Map.of("allowedCidrs", List.of("10.0.0.0/8")))).expect(200).field("id");
        Api.Response pat = api.createPat(admin, owner, "stolen", List.of("sp:scopes:all")).expect(200);
        String token = api.withHeaders(Map.of("X-Forwarded-For", "10.0.0.9")).token(pat.field("id"),
                pat.field("secret"));
        Api outside = api.withHeaders(Map.of("X-Forwarded-For", "198.51.100.77"));
        String longPath = "/v3/personal-access-tokens/" + "x".repeat(7_000);
        int before = refusalsOf(pat.field("id")).size();
        for (int i = 0; i < 100; i++) {
            outside.get(longPath, token).expect(403);
        }
        List<JsonNode> refusals = refusalsOf(pat.field("id"));
        assertThat(refusals.size() - before).isLessThanOrEqualTo(2);
        assertThat(refusals).allSatisfy(refusal -> assertThat(refusal.path("details").path("request").asText())
                .hasSizeLessThanOrEqualTo(201));
    }

    @Test
    void aVendorAccountGetsNoVirtualApplianceKey() {
        var body = new java.util.LinkedHashMap<String, Object>();
        body.put("name", "Visiting vendor");
        body.put("kind", "SUPPORT");
        body.put("tenantAccessExpiresAt", "2099-01-01T00:00:00Z");
        String vendor = api.post("/v3/identities", admin, body).expect(200).field("id");
        api.patch("/v3/auth-users/" + vendor, admin, List.of(Map.of("op", "replace", "path", "/capabilities",
                "value", List.of("ORG_ADMIN")))).expect(200);
        Api.Response pat = api.createPat(admin, vendor, "vendor", List.of("sp:scopes:all")).expect(200);
        String token = api.token(pat.field("id"), pat.field("secret"));
        assertThat(api.post("/v3/virtual-appliances", token, Map.of("name", "vendor's appliance")).expect(403)
                .field("detailCode")).isEqualTo("403.1 Creator may not own API clients");
    }

    @Test
    void aPatchWhosePathFitsNothingIsABadRequestAndAPatchThatChangesNothingWritesNothing() {
        String owner = api.createIdentity(admin, "Patcher", "USER");
        Api.Response pat = api.createPat(admin, owner, "patched", List.of("idn:oauth-clients:read")).expect(200);
        String path = "/v3/personal-access-tokens/" + pat.field("id");
        for (Map<String, Object> operation : List.<Map<String, Object>>of(
                Map.of("op", "replace", "path", "/scope/-", "value", "x"),
                Map.of("op", "remove", "path", "/scope/-"),
                Map.of("op", "add", "path", "/scope/-1", "value", "x"),
                Map.of("op", "add", "path", "/scope/00", "value", "x"))) {
            api.patch(path, admin, List.of(operation)).expect(400);
        }
        api.patch("/v3/auth-users/" + owner, admin, List.of(Map.of("op", "add", "path", "/capabilities/-1",
                "value", "HELPDESK"))).expect(400);

        int events = api.get("/v3/audit-events?subjectId=" + pat.field("id"), admin).expect(200).body().size();
        api.patch(path, admin, List.of(Map.of("op", "replace", "path", "/name", "value", "patched"))).expect(200);
        assertThat(api.get("/v3/audit-events?subjectId=" + pat.field("id"), admin).expect(200).body().size())
                .isEqualTo(events);
    }

    @Test
    void aLimitOfZeroListsNothingAndStillCounts() {
        Api.Response page = api.get("/v3/identities?limit=0&count=true", admin).expect(200);
        assertThat(page.body().size()).isZero();
        assertThat(Long.parseLong(page.headers().firstValue("X-Total-Count").orElseThrow())).isPositive();
    }

    @Test
    void aTokenIsDeadTheSecondItExpiresAndIntrospectsInactive() {
        String owner = api.createIdentity(admin, "Brief", "USER");
        var body = new java.util.LinkedHashMap<String, Object>(Map.of("name", "brief", "ownerId", owner,
                "scope", List.of("sp:scopes:all"), "accessTokenValiditySeconds", 1));
        Api.Response pat = api.post("/v3/personal-access-tokens", admin, body).expect(200);
        String token = api.token(pat.field("id"), pat.field("secret"));
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                api.get("/v3/personal-access-tokens?owner-id=me", token).expect(401));
        Api.Response introspected = api.form("/oauth/introspect", Map.of("token", token, "client_id",
                RunningService.ADMIN_CLIENT_ID, "client_secret", RunningService.ADMIN_CLIENT_SECRET)).expect(200);
        assertThat(introspected.body().path("active").asBoolean()).isFalse();
    }

    @Test
    void failedClientAuthenticationsAreThrottledPerAddress() {
        Api from = api.withHeaders(Map.of("X-Forwarded-For", "198.18.0." + (1 + new java.util.Random().nextInt(250))));
        for (int i = 0; i < 50; i++) {
            from.tokenRequest("unknown-" + UUID.randomUUID(), "x").expect(401);
        }
        from.tokenRequest(RunningService.ADMIN_CLIENT_ID, RunningService.ADMIN_CLIENT_SECRET).expect(429);
        api.tokenRequest(RunningService.ADMIN_CLIENT_ID, RunningService.ADMIN_CLIENT_SECRET).expect(200);
    }

    @Test
    void aClientUsesOneAuthenticationMethodPerRequest() {
        String basic = java.util.Base64.getEncoder().encodeToString((RunningService.ADMIN_CLIENT_ID + ":"
                + RunningService.ADMIN_CLIENT_SECRET).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        Api.Response both = api.withHeaders(Map.of("Authorization", "Basic " + basic)).form("/oauth/token", Map.of(
                "grant_type", "client_credentials", "client_id", RunningService.ADMIN_CLIENT_ID,
                "client_secret", RunningService.ADMIN_CLIENT_SECRET)).expect(400);
        assertThat(both.field("error")).isEqualTo("invalid_request");
    }

    @Test
    void pathsTheFirewallRefusesAnswerTheErrorBody() {
        for (String path : List.of("/v3/oauth-clients;jsessionid=x", "/v3/oauth-clients/%2e%2e/identities",
                "/v3//oauth-clients")) {
            Api.Response refused = api.get(path, admin);
            assertThat(refused.status()).as(path).isEqualTo(400);
            assertThat(refused.field("detailCode")).as(path).isEqualTo("400.0 Bad Request");
        }
    }

    @Test
    void everyListAndStringIsBounded() {
        var uris = new ArrayList<String>();
        for (int i = 0; i < 21; i++) {
            uris.add("https://app.example/callback/" + i);
        }
        api.post("/v3/oauth-clients", admin, Map.of("name", "too many", "grantTypes", List.of("AUTHORIZATION_CODE"),
                "redirectUris", uris)).expect(400);
        Api.Response huge = api.post("/v3/oauth-clients", admin, Map.of("name", "x".repeat(70_000)));
        assertThat(huge.status()).isEqualTo(413);
        assertThat(huge.field("detailCode")).isEqualTo("413 Payload too large");
    }

    private List<JsonNode> refusalsOf(String credentialId) {
        var refusals = new ArrayList<JsonNode>();
        api.get("/v3/audit-events?subjectId=" + credentialId, admin).expect(200).body().forEach(entry -> {
            if ("AccessRefused".equals(entry.path("type").asText())) {
                refusals.add(entry);
            }
        });
        return refusals;
    }
}
