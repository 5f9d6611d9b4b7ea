package dev.idcred.launcher.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Plain HTTP against the running service, as any client would call it. */
public final class Api {

    public static final ObjectMapper JSON = new ObjectMapper();

    public record Response(int status, JsonNode body, String text, HttpHeaders headers) {
        public String field(String name) {
            return body.path(name).asText(null);
        }

        public Response expect(int expectedStatus) {
            assertThat(status).as("status of a response with body %s", text).isEqualTo(expectedStatus);
            return this;
        }
    }

    private final HttpClient http = HttpClient.newHttpClient();
    private final String base;
    private final Map<String, String> headers;

    public Api(String base) {
        this(base, Map.of());
    }

    private Api(String base, Map<String, String> headers) {
        this.base = base;
        this.headers = headers;
    }

    /** The same service, with these headers on every request: as if called through a proxy that sets them. */
    public Api withHeaders(Map<String, String> extraHeaders) {
        var all = new LinkedHashMap<>(headers);
        all.putAll(extraHeaders);
        return new Api(base, all);
    }

    public String base() {
        return base;
    }

    public Response get(String path, String token) {
        return send(request(path, token).GET());
    }

    public Response post(String path, String token, Object body) {
        return send(request(path, token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json(body))));
    }

    public Response postRaw(String path, String token, String contentType, String body) {
        return send(request(path, token).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    public Response patch(String path, String token, Object operations) {
        return send(request(path, token).header("Content-Type", "application/json-patch+json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString(json(operations))));
    }

    public Response delete(String path, String token) {
        return send(request(path, token).DELETE());
    }

    /** A client_credentials request as an HTML form. */
    public Response tokenRequest(String clientId, String clientSecret) {
        return form("/oauth/token", Map.of("grant_type", "client_credentials", "client_id", clientId,
                "client_secret", clientSecret));
    }

    /** A client_credentials request as multipart/form-data, the way the official SDK sends it. */
    public Response multipartTokenRequest(String clientId, String clientSecret) {
        String boundary = "----sdk" + UUID.randomUUID();
        var fields = new LinkedHashMap<String, String>();
        fields.put("grant_type", "client_credentials");
        fields.put("client_id", clientId);
        fields.put("client_secret", clientSecret);
        String body = fields.entrySet().stream()
                .map(e -> "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + e.getKey() + "\"\r\n\r\n"
                        + e.getValue() + "\r\n")
                .collect(Collectors.joining()) + "--" + boundary + "--\r\n";
        return postRaw("/oauth/token", null, "multipart/form-data; boundary=" + boundary, body);
    }

    public Response form(String path, Map<String, String> fields) {
        String body = fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return postRaw(path, null, "application/x-www-form-urlencoded", body);
    }

    /** An access token for the credential, asserting the endpoint grants it. */
    public String token(String clientId, String clientSecret) {
        return tokenRequest(clientId, clientSecret).expect(200).field("access_token");
    }

    public String adminToken() {
        return token(RunningService.ADMIN_CLIENT_ID, RunningService.ADMIN_CLIENT_SECRET);
    }

    /** Creates an identity as the admin and answers its id. */
    public String createIdentity(String adminToken, String name, String kind, String... levels) {
        var body = new LinkedHashMap<String, Object>();
        body.put("name", name);
        body.put("kind", kind);
        if (!"USER".equals(kind)) {
            body.put("tenantAccessExpiresAt", "2099-01-01T00:00:00Z");
        }
        String id = post("/v3/identities", adminToken, body).expect(200).field("id");
        if (levels.length > 0) {
            patch("/v3/auth-users/" + id, adminToken, List.of(Map.of("op", "replace", "path", "/capabilities",
                    "value", List.of(levels)))).expect(200);
        }
        return id;
    }

    /** Creates a token for {@code ownerId} as the admin; answers the create response. */
    public Response createPat(String adminToken, String ownerId, String name, List<String> scope) {
        var body = new LinkedHashMap<String, Object>();
        body.put("name", name);
        body.put("ownerId", ownerId);
        if (scope != null) {
            body.put("scope", scope);
        }
        return post("/v3/personal-access-tokens", adminToken, body);
    }

    private HttpRequest.Builder request(String path, String token) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path));
        headers.forEach(builder::header);
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        return builder;
    }

    private Response send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            JsonNode body;
            try {
                body = response.body().isEmpty() ? MissingNode.getInstance() : JSON.readTree(response.body());
            } catch (IOException notJson) {
                body = MissingNode.getInstance();
            }
            return new Response(response.statusCode(), body, response.body(), response.headers());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String json(Object body) {
        try {
            return body instanceof String text ? text : JSON.writeValueAsString(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An API client's create body, as the integration tests make them. */
    public static Map<String, Object> clientBody(String name) {
        var body = new LinkedHashMap<String, Object>();
        body.put("name", name);
        body.put("description", "integration client");
        body.put("accessTokenValiditySeconds", 600);
        body.put("grantTypes", List.of("CLIENT_CREDENTIALS"));
        body.put("accessType", "OFFLINE");
        body.put("enabled", true);
        body.put("scope", List.of("idn:identities:read"));
        return body;
    }

    /** Every processor at the head of the log and every view holding what its processor applied. */
    public void awaitViewsCaughtUp() {
        await().atMost(Duration.ofSeconds(120)).untilAsserted(() -> {
            JsonNode health = get("/actuator/health", null).body().path("components");
            assertThat(health.path("views").path("status").asText()).isEqualTo("UP");
            health.path("processors").path("details").fields().forEachRemaining(lag -> {
                if (!lag.getKey().equals("maxLag")) {
                    assertThat(lag.getValue().asLong()).as("lag of %s", lag.getKey()).isZero();
                }
            });
        });
    }
}
