package dev.idcred.launcher.operations;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.idcred.launcher.support.Api;
import dev.idcred.launcher.support.Pages;
import dev.idcred.launcher.support.RunningService;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The OpenAPI document describes the service as it answers: every documented operation is called on its happy path
 * here, answers a documented status, and its body has the documented shape (no undocumented field, every required
 * field, each value of the documented JSON type). An operation added without a happy path here fails the test.
 */
class OpenApiIT {

    private final Api api = RunningService.shared().api();
    private final String admin = api.adminToken();
    private final JsonNode document = api.get("/openapi", null).expect(200).body();

    /**
     * A token an application obtained for a person through the authorization-code grant, with {@code openid} (its
     * consent is the one the withdrawal's happy path withdraws, last of the calls that use the token).
     */
    private String delegatedToken() {
        String username = "delegating." + System.nanoTime();
        String id = api.post("/v3/identities", admin, Map.of("name", "Delegating person", "username", username,
                "kind", "USER")).expect(200).field("id");
        String invitation = api.post("/v3/identities/" + id + "/invitations", admin, Map.of()).expect(201)
                .field("url");
        String password = "documented orchard kettle " + System.nanoTime();
        var browser = new Pages(api.base());
        browser.submit(browser.get(invitation), invitation.substring(0, invitation.indexOf('?')),
                Map.of("password", password, "confirmation", password)).expect(200);
        var body = new LinkedHashMap<String, Object>(Map.of("name", "Documented app", "description", "test",
                "accessTokenValiditySeconds", 900, "accessType", "OFFLINE", "enabled", true, "type", "PUBLIC",
                "grantTypes", List.of("AUTHORIZATION_CODE"), "redirectUris", List.of("http://127.0.0.1/cb"),
                "scope", List.of("idn:my-account:read", "idn:my-account:manage")));
        String client = api.post("/v3/oauth-clients", admin, body).expect(200).field("id");
        String verifier = "documented-verifier-0123456789-0123456789-0123456789";
        String back = browser.authorize("response_type=code&client_id=" + client + "&redirect_uri=http://127.0.0.1/cb"
                + "&scope=openid%20profile%20idn:my-account:read%20idn:my-account:manage&code_challenge="
                + challenge(verifier) + "&code_challenge_method=S256", username, password);
        String code = back.substring(back.indexOf("code=") + 5, back.indexOf('&', back.indexOf("code=")));
        return api.form("/oauth/token", Map.of("grant_type", "authorization_code", "client_id", client, "code",
                java.net.URLDecoder.decode(code, java.nio.charset.StandardCharsets.UTF_8), "redirect_uri",
                "http://127.0.0.1/cb", "code_verifier", verifier)).expect(200).field("access_token");
    }

    private static String challenge(String verifier) {
        try {
            return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(java.security.MessageDigest
                    .getInstance("SHA-256").digest(verifier.getBytes(java.nio.charset.StandardCharsets.US_ASCII)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The caller comes from the bearer token: no operation documents it as a parameter or a body. */
    @Test
    void theCallerIsNoParameterOfAnyOperation() {
        var named = new ArrayList<String>();
        document.path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(
                operation -> operation.getValue().path("parameters").forEach(parameter ->
                        named.add(parameter.path("name").asText()))));
        assertThat(named).isNotEmpty().doesNotContain("caller");
        assertThat(document.path("components").path("schemas").has("Caller")).isFalse();
    }

    @Test
    void everyDocumentedOperationAnswersItsHappyPathInTheDocumentedShape() {
        String owner = api.createIdentity(admin, "OpenAPI owner", "USER", "HELPDESK");
        Api.Response client = api.post("/v3/oauth-clients", admin, Api.clientBody("documented")).expect(200);
        String clientId = client.field("id");
        String doomedClient = api.post("/v3/oauth-clients", admin, Api.clientBody("doomed")).expect(200).field("id");
        Api.Response pat = api.createPat(admin, owner, "documented", List.of("sp:scopes:all")).expect(200);
        String patId = pat.field("id");
        String doomedPat = api.createPat(admin, owner, "doomed", null).expect(200).field("id");
        String applianceId = api.post("/v3/virtual-appliances", admin, Map.of("name", "va-doc")).expect(200).field("id");
        await().untilAsserted(() -> {
            api.get("/v3/oauth-clients/" + clientId + "/effective-scope", admin).expect(200);
            api.get("/v3/personal-access-tokens/" + patId + "/effective-scope", admin).expect(200);
            api.get("/v3/identities/" + owner, admin).expect(200);
        });
        List<Map<String, String>> rename = List.of(Map.of("op", "replace", "path", "/name", "value", "renamed"));
        String webhookId = api.post("/v3/webhooks", admin, Map.of("url", "http://127.0.0.1:9/hook",
                "eventTypes", List.of("credential.created"))).expect(200).field("id");
        String hooked = api.createPat(admin, owner, "hooked", null).expect(200).field("id");
        long deliveryId = await().until(() -> api.get("/v3/webhooks/" + webhookId + "/deliveries", admin)
                .expect(200).body(), deliveries -> deliveries.size() > 0).get(0).path("id").asLong();
        Api.Response leakedPat = api.createPat(admin, owner, "to leak", null).expect(200);
        String rotatedAppliance = api.post("/v3/virtual-appliances", admin, Map.of("name", "va-rotated")).expect(200)
                .field("id");

        String person = api.post("/v3/identities", admin, Map.of("name", "Documented person", "username",
                "documented." + System.nanoTime(), "kind", "USER")).expect(200).field("id");
        String leaving = api.post("/v3/identities", admin, Map.of("name", "Leaving", "kind", "USER")).expect(200)
                .field("id");
        String delegated = delegatedToken();
        String consentedClient = api.get("/v3/me/consents", delegated).expect(200).body().get(0).path("clientId")
                .asText();

        Map<String, Supplier<Api.Response>> happyPaths = new LinkedHashMap<>();
        happyPaths.put("GET /.well-known/openid-configuration", () -> api.get("/.well-known/openid-configuration", null));
        happyPaths.put("GET /.well-known/oauth-authorization-server",
                () -> api.get("/.well-known/oauth-authorization-server", null));
        happyPaths.put("GET /oauth/userinfo", () -> api.get("/oauth/userinfo", delegated));
        happyPaths.put("POST /oauth/userinfo", () -> api.postRaw("/oauth/userinfo", delegated,
                "application/x-www-form-urlencoded", ""));
        happyPaths.put("GET /v3/me", () -> api.get("/v3/me", delegated));
        happyPaths.put("GET /v3/me/consents", () -> api.get("/v3/me/consents", delegated));
        happyPaths.put("DELETE /v3/me/consents/{clientId}",
                () -> api.delete("/v3/me/consents/" + consentedClient, delegated));
        happyPaths.put("POST /v3/identities/{id}/invitations",
                () -> api.post("/v3/identities/" + person + "/invitations", admin, Map.of("validForHours", 24)));
        happyPaths.put("DELETE /v3/identities/{id}", () -> api.delete("/v3/identities/" + leaving, admin));
        happyPaths.put("GET /v3/auth-org/lockout-config", () -> api.get("/v3/auth-org/lockout-config", admin));
        happyPaths.put("PATCH /v3/auth-org/lockout-config", () -> api.patch("/v3/auth-org/lockout-config", admin,
                List.of(Map.of("op", "replace", "path", "/maximumAttempts", "value", 5))));
        happyPaths.put("POST /oauth/token", () -> api.tokenRequest(patId, pat.field("secret")));
        happyPaths.put("POST /oauth/introspect", () -> api.form("/oauth/introspect", Map.of("token",
                api.token(patId, pat.field("secret")), "client_id", patId, "client_secret", pat.field("secret"))));
        happyPaths.put("POST /oauth/revoke", () -> api.form("/oauth/revoke", Map.of("token",
                api.token(patId, pat.field("secret")), "client_id", patId, "client_secret", pat.field("secret"))));
        happyPaths.put("GET /oauth/jwks", () -> api.get("/oauth/jwks", null));
        happyPaths.put("GET /.well-known/jwks.json", () -> api.get("/.well-known/jwks.json", null));
        happyPaths.put("POST /v3/identities", () -> api.post("/v3/identities", admin, Map.of("name", "n", "kind", "USER")));
        happyPaths.put("GET /v3/identities", () -> api.get("/v3/identities?limit=5", admin));
        happyPaths.put("GET /v3/identities/{id}", () -> api.get("/v3/identities/" + owner, admin));
        happyPaths.put("PATCH /v3/identities/{id}", () -> api.patch("/v3/identities/" + owner, admin, rename));
        happyPaths.put("GET /v3/auth-users/{id}", () -> api.get("/v3/auth-users/" + owner, admin));
        happyPaths.put("PATCH /v3/auth-users/{id}", () -> api.patch("/v3/auth-users/" + owner, admin,
                List.of(Map.of("op", "add", "path", "/capabilities/-", "value", "REPORT_ADMIN"))));
        happyPaths.put("POST /v3/oauth-clients", () -> api.post("/v3/oauth-clients", admin, Api.clientBody("x")));
        happyPaths.put("GET /v3/oauth-clients", () -> api.get("/v3/oauth-clients?limit=5", admin));
        happyPaths.put("GET /v3/oauth-clients/{id}", () -> api.get("/v3/oauth-clients/" + clientId, admin));
        happyPaths.put("PATCH /v3/oauth-clients/{id}", () -> api.patch("/v3/oauth-clients/" + clientId, admin, rename));
        happyPaths.put("GET /v3/oauth-clients/{id}/effective-scope",
                () -> api.get("/v3/oauth-clients/" + clientId + "/effective-scope", admin));
        happyPaths.put("DELETE /v3/oauth-clients/{id}", () -> api.delete("/v3/oauth-clients/" + doomedClient, admin));
        happyPaths.put("POST /v3/personal-access-tokens", () -> api.createPat(admin, owner, "another", null));
        happyPaths.put("GET /v3/personal-access-tokens",
                () -> api.get("/v3/personal-access-tokens?owner-id=" + owner, admin));
        happyPaths.put("PATCH /v3/personal-access-tokens/{id}",
                () -> api.patch("/v3/personal-access-tokens/" + patId, admin, rename));
        happyPaths.put("GET /v3/personal-access-tokens/{id}/effective-scope",
                () -> api.get("/v3/personal-access-tokens/" + patId + "/effective-scope?at=2030-01-01T00:00:00Z", admin));
        happyPaths.put("DELETE /v3/personal-access-tokens/{id}",
                () -> api.delete("/v3/personal-access-tokens/" + doomedPat, admin));
        happyPaths.put("POST /v3/virtual-appliances", () -> api.post("/v3/virtual-appliances", admin, Map.of("name", "v")));
        happyPaths.put("GET /v3/virtual-appliances", () -> api.get("/v3/virtual-appliances", admin));
        happyPaths.put("DELETE /v3/virtual-appliances/{id}",
                () -> api.delete("/v3/virtual-appliances/" + applianceId, admin));
        happyPaths.put("GET /v3/rights-catalogue", () -> api.get("/v3/rights-catalogue", admin));
        happyPaths.put("GET /v3/audit-events", () -> api.get("/v3/audit-events?subjectId=" + owner, admin));
        happyPaths.put("GET /v3/audit-exports", () -> api.get("/v3/audit-exports?limit=50", admin));
        happyPaths.put("POST /v3/oauth-clients/{id}/secret", () -> api.post("/v3/oauth-clients/" + clientId
                + "/secret", admin, Map.of("gracePeriodSeconds", 60)));
        happyPaths.put("GET /v3/oauth-clients/{id}/secrets",
                () -> api.get("/v3/oauth-clients/" + clientId + "/secrets", admin));
        happyPaths.put("GET /v3/oauth-clients/{id}/exposure",
                () -> api.get("/v3/oauth-clients/" + clientId + "/exposure", admin));
        happyPaths.put("POST /v3/personal-access-tokens/{id}/secret", () -> api.post("/v3/personal-access-tokens/"
                + hooked + "/secret", admin, Map.of()));
        happyPaths.put("GET /v3/personal-access-tokens/{id}/secrets",
                () -> api.get("/v3/personal-access-tokens/" + patId + "/secrets", admin));
        happyPaths.put("GET /v3/personal-access-tokens/{id}/exposure",
                () -> api.get("/v3/personal-access-tokens/" + patId + "/exposure", admin));
        happyPaths.put("POST /v3/virtual-appliances/{id}/secret",
                () -> api.post("/v3/virtual-appliances/" + rotatedAppliance + "/secret", admin, Map.of()));
        happyPaths.put("POST /v3/auth-users/{id}/capabilities/simulation", () -> api.post("/v3/auth-users/" + owner
                + "/capabilities/simulation", admin, Map.of("capabilities", List.of("ROLE_ADMIN"))));
        happyPaths.put("POST /v3/credential-leaks", () -> api.post("/v3/credential-leaks", admin,
                Map.of("secret", leakedPat.field("secret"), "url", "https://paste.example/1")));
        happyPaths.put("POST /v3/credential-leaks/bulk", () -> api.post("/v3/credential-leaks/bulk", admin,
                Map.of("leaks", List.of(Map.of("secret", "idcs_junk")))));
        happyPaths.put("POST /v3/webhooks", () -> api.post("/v3/webhooks", admin, Map.of(
                "url", "http://127.0.0.1:9/other", "eventTypes", List.of("credential.leaked"))));
        happyPaths.put("GET /v3/webhooks", () -> api.get("/v3/webhooks", admin));
        happyPaths.put("GET /v3/webhooks/{id}", () -> api.get("/v3/webhooks/" + webhookId, admin));
        happyPaths.put("PATCH /v3/webhooks/{id}", () -> api.patch("/v3/webhooks/" + webhookId, admin,
                List.of(Map.of("op", "replace", "path", "/description", "value", "documented"))));
        happyPaths.put("POST /v3/webhooks/{id}/secret",
                () -> api.post("/v3/webhooks/" + webhookId + "/secret", admin, Map.of()));
        happyPaths.put("GET /v3/webhooks/{id}/deliveries",
                () -> api.get("/v3/webhooks/" + webhookId + "/deliveries", admin));
        happyPaths.put("POST /v3/webhooks/{id}/deliveries/{deliveryId}/redeliver", () -> api.post("/v3/webhooks/"
                + webhookId + "/deliveries/" + deliveryId + "/redeliver", admin, Map.of()));
        happyPaths.put("DELETE /v3/webhooks/{id}", () -> api.delete("/v3/webhooks/" + webhookId, admin));
        happyPaths.put("POST /v3/read-model-rebuilds", () -> api.postRaw("/v3/read-model-rebuilds", admin,
                "application/json", ""));
        happyPaths.put("GET /v3/read-model-rebuilds/current", () -> api.get("/v3/read-model-rebuilds/current", admin));

        assertThat(new TreeSet<>(happyPaths.keySet())).isEqualTo(documentedOperations());
        var mismatches = new ArrayList<String>();
        happyPaths.forEach((operation, call) -> {
            Api.Response response = call.get();
            JsonNode documented = operationNode(operation).path("responses").path(String.valueOf(response.status()));
            if (response.status() >= 300 || documented.isMissingNode()) {
                mismatches.add(operation + " answered an undocumented " + response.status() + ": " + response.text());
                return;
            }
            if (response.headers().firstValue("Content-Type").orElse("").startsWith("application/x-ndjson")) {
                // JSON Lines: every line has the shape documented for one line.
                JsonNode line = documented.path("content").path("application/x-ndjson").path("schema");
                if (line.isMissingNode()) {
                    mismatches.add(operation + " answered JSON Lines its documentation has no schema for");
                    return;
                }
                response.text().lines().filter(text -> !text.isBlank())
                        .forEach(text -> checkShape(json(text), line, operation + " line", mismatches));
                return;
            }
            JsonNode schema = documented.path("content").path("application/json").path("schema");
            if (!response.text().isEmpty()) {
                if (schema.isMissingNode()) {
                    mismatches.add(operation + " answered a body its documentation has no JSON schema for");
                } else {
                    checkShape(response.body(), schema, operation + " $", mismatches);
                }
            }
        });
        await().untilAsserted(() -> assertThat(api.get("/v3/read-model-rebuilds/current", admin).field("state"))
                .isIn("DONE", "FAILED"));
        api.get("/v3/webhooks", admin).expect(200).body().findValuesAsText("id")
                .forEach(id -> api.delete("/v3/webhooks/" + id, admin).expect(204));
        assertThat(mismatches).isEmpty();
    }

    private static JsonNode json(String text) {
        try {
            return new ObjectMapper().readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private TreeSet<String> documentedOperations() {
        var operations = new TreeSet<String>();
        document.path("paths").fields().forEachRemaining(path -> path.getValue().fieldNames()
                .forEachRemaining(method -> operations.add(method.toUpperCase() + " " + path.getKey())));
        return operations;
    }

    private JsonNode operationNode(String operation) {
        String[] parts = operation.split(" ", 2);
        return document.path("paths").path(parts[1]).path(parts[0].toLowerCase());
    }

    private JsonNode resolve(JsonNode schema) {
        JsonNode reference = schema.get("$ref");
        if (reference == null) {
            return schema;
        }
        String name = reference.asText().substring("#/components/schemas/".length());
        return resolve(document.path("components").path("schemas").path(name));
    }

    private void checkShape(JsonNode value, JsonNode schemaOrReference, String where, List<String> mismatches) {
        JsonNode schema = resolve(schemaOrReference);
        if (value == null || value.isNull()) {
            return;
        }
        String type = schema.path("type").asText(schema.has("properties") ? "object" : "");
        switch (type) {
            case "array" -> {
                if (!value.isArray()) {
                    mismatches.add(where + " is not an array");
                    return;
                }
                for (int i = 0; i < value.size(); i++) {
                    checkShape(value.get(i), schema.path("items"), where + "[" + i + "]", mismatches);
                }
            }
            case "object" -> {
                if (!value.isObject()) {
                    mismatches.add(where + " is not an object");
                    return;
                }
                JsonNode properties = schema.path("properties");
                if (properties.isMissingNode()) {
                    return;
                }
                for (Iterator<String> names = value.fieldNames(); names.hasNext(); ) {
                    String name = names.next();
                    if (!properties.has(name)) {
                        mismatches.add(where + "." + name + " is not documented");
                    } else {
                        checkShape(value.get(name), properties.get(name), where + "." + name, mismatches);
                    }
                }
                schema.path("required").forEach(required -> {
                    if (!value.has(required.asText())) {
                        mismatches.add(where + "." + required.asText() + " is required but missing");
                    }
                });
            }
            case "string" -> expect(value.isTextual(), where, type, mismatches);
            case "integer" -> expect(value.isIntegralNumber(), where, type, mismatches);
            case "number" -> expect(value.isNumber(), where, type, mismatches);
            case "boolean" -> expect(value.isBoolean(), where, type, mismatches);
            default -> {
            }
        }
    }

    private static void expect(boolean matches, String where, String type, List<String> mismatches) {
        if (!matches) {
            mismatches.add(where + " is not a " + type);
        }
    }
}
