package dev.idcred.launcher;

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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** Plain HTTP against the running service, as any client would call it. */
final class Api {

    static final ObjectMapper JSON = new ObjectMapper();

    record Response(int status, JsonNode body, String text, HttpHeaders headers) {
        String field(String name) {
            return body.path(name).asText(null);
        }

        Response expect(int expectedStatus) {
            assertThat(status).as("status of a response with body %s", text).isEqualTo(expectedStatus);
            return this;
        }
    }

    private final HttpClient http = HttpClient.newHttpClient();
    private final String base;
    private final Map<String, String> headers;

    Api(String base) {
        this(base, Map.of());
    }

    private Api(String base, Map<String, String> headers) {
        this.base = base;
        this.headers = headers;
    }

    /** The same service, with these headers on every request: as if called through a proxy that sets them. */
    Api withHeaders(Map<String, String> extraHeaders) {
        var all = new LinkedHashMap<>(headers);
        all.putAll(extraHeaders);
        return new Api(base, all);
    }

    String base() {
        return base;
    }

    Response get(String path, String token) {
        return send(request(path, token).GET());
    }

    Response post(String path, String token, Object body) {
        return send(request(path, token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json(body))));
    }

    Response postRaw(String path, String token, String contentType, String body) {
        return send(request(path, token).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    Response patch(String path, String token, Object operations) {
        return send(request(path, token).header("Content-Type", "application/json-patch+json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString(json(operations))));
    }

    Response delete(String path, String token) {
        return send(request(path, token).DELETE());
    }

    /** A client_credentials request as an HTML form. */
    Response tokenRequest(String clientId, String clientSecret) {
        return form("/oauth/token", Map.of("grant_type", "client_credentials", "client_id", clientId,
                "client_secret", clientSecret));
    }

    /** A client_credentials request as multipart/form-data, the way the official SDK sends it. */
    Response multipartTokenRequest(String clientId, String clientSecret) {
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

    Response form(String path, Map<String, String> fields) {
        String body = fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return postRaw(path, null, "application/x-www-form-urlencoded", body);
    }

    /** An access token for the credential, asserting the endpoint grants it. */
    String token(String clientId, String clientSecret) {
        return tokenRequest(clientId, clientSecret).expect(200).field("access_token");
    }

    String adminToken() {
        return token(RunningService.ADMIN_CLIENT_ID, RunningService.ADMIN_CLIENT_SECRET);
    }

    /** Creates an identity as the admin and answers its id. */
    String createIdentity(String adminToken, String name, String kind, String... levels) {
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
    Response createPat(String adminToken, String ownerId, String name, List<String> scope) {
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
}
