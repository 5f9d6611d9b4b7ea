package dev.idcred.console;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.web.servlet.context.ServletWebServerInitializedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The service's public REST API, as the console calls it: with the signed-in credential's access token from the
 * server-side session, passing on the browser's address ({@code X-Forwarded-For}) with the console's forwarding key,
 * so that a PAT's network rules and the throttling of sign-ins see the person, not the console. Every refusal becomes an {@link ApiProblem}, but a 401:
 * {@link NotAuthenticated}.
 */
@Component
public class ServiceApi {

    /** Where the console's forwarding key goes, as the service's {@code ClientOrigins} reads it. */
    static final String FORWARDING_KEY_HEADER = "X-Idcred-Console-Key";

    /** A successful answer: its body and, for listings, how many match in all. */
    public record Answer(JsonNode body, long total) {
    }

    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient http;
    private final ConsoleProperties properties;
    private volatile String localBase;

    public ServiceApi(ConsoleProperties properties) {
        this.properties = properties;
        this.http = HttpClient.newBuilder().connectTimeout(properties.timeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** In one process with the service, the console calls the server it runs in. */
    @EventListener
    void onServerStarted(ServletWebServerInitializedEvent event) {
        localBase = "http://127.0.0.1:" + event.getWebServer().getPort();
    }

    public JsonNode get(String path) {
        return call("GET", path, null).body();
    }

    public Answer list(String path) {
        return call("GET", path, null);
    }

    public JsonNode post(String path, Object body) {
        return call("POST", path, body).body();
    }

    public JsonNode patch(String path, Object operations) {
        return call("PATCH", path, operations).body();
    }

    public void delete(String path) {
        call("DELETE", path, null);
    }

    /** The client-credentials grant, for signing in; answers the token response. */
    public JsonNode token(String clientId, String clientSecret) {
        String form = Map.of("grant_type", "client_credentials", "client_id", clientId, "client_secret", clientSecret)
                .entrySet().stream()
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
        HttpRequest request = request("/oauth/token", null)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build();
        return send(request).body();
    }

    /** A token request of any grant, for the console's own sign-in of people; answers the token response. */
    public JsonNode tokenGrant(Map<String, String> parameters) {
        String form = parameters.entrySet().stream()
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
        HttpRequest request = request("/oauth/token", null)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build();
        return send(request).body();
    }

    /** A call with a token given here, not the session's (for the one request in which the session gets its own). */
    public JsonNode getWith(String path, String token) {
        return send(request(path, token).GET().build()).body();
    }

    /** The service's OpenID provider metadata, as its discovery document says. */
    public JsonNode discovery() {
        return send(request("/.well-known/openid-configuration", null).GET().build()).body();
    }

    public static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private Answer call(String method, String path, Object body) {
        HttpRequest.Builder request = request(path, currentToken());
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            try {
                request.header("Content-Type", "application/json")
                        .method(method, HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)));
            } catch (JsonProcessingException e) {
                throw new IllegalArgumentException("Cannot write the request body", e);
            }
        }
        return send(request.build());
    }

    private HttpRequest.Builder request(String path, String token) {
        String base = properties.apiUrl().isBlank() ? localBase : properties.apiUrl().replaceAll("/+$", "");
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .timeout(properties.timeout())
                .header("Accept", "application/json");
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        String browser = browserAddress();
        if (browser != null) {
            request.header("X-Forwarded-For", browser);
            if (!properties.forwardingKey().isBlank()) {
                request.header(FORWARDING_KEY_HEADER, properties.forwardingKey());
            }
        }
        return request;
    }

    private Answer send(HttpRequest request) {
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new ApiProblem(503, "The service did not answer: " + e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ApiProblem(503, "Interrupted");
        }
        JsonNode body = parse(response.body());
        if (response.statusCode() == 401) {
            throw new NotAuthenticated(messageOf(body, response.statusCode()));
        }
        if (response.statusCode() >= 400) {
            throw new ApiProblem(response.statusCode(), messageOf(body, response.statusCode()));
        }
        long total = response.headers().firstValue("X-Total-Count").map(Long::parseLong).orElse(-1L);
        return new Answer(body, total);
    }

    private JsonNode parse(String text) {
        if (text == null || text.isBlank()) {
            return MissingNode.getInstance();
        }
        try {
            return json.readTree(text);
        } catch (JsonProcessingException e) {
            return MissingNode.getInstance();
        }
    }

    private static String messageOf(JsonNode body, int status) {
        JsonNode text = body.path("messages").path(0).path("text");
        if (text.isTextual()) {
            return text.asText();
        }
        if (body.path("error_description").isTextual()) {
            return body.path("error_description").asText();
        }
        return body.path("error").isTextual() ? body.path("error").asText() : "The service answered " + status;
    }

    private static String currentToken() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.getPrincipal() instanceof SignedIn me ? me.accessToken()
                : null;
    }

    /** The browser's address, and any proxies' before it, as the service's own trusted-proxy logic reads them. */
    private static String browserAddress() {
        if (!(RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes)) {
            return null;
        }
        HttpServletRequest request = attributes.getRequest();
        String forwarded = request.getHeader("X-Forwarded-For");
        return forwarded == null || forwarded.isBlank() ? request.getRemoteAddr()
                : forwarded + ", " + request.getRemoteAddr();
    }
}
