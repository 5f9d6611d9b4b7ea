package dev.idcred.launcher.security;

import com.fasterxml.jackson.databind.JsonNode;
import dev.idcred.launcher.support.Api;
import dev.idcred.launcher.support.RunningService;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Generated hostile input against every writing endpoint, the listings, the token, introspection and revocation
 * endpoints and the forwarding headers a PAT's network rules are checked with: malformed, oversized,
 * wrongly typed JSON and query strings. Whatever is sent, the answer is never a 5xx, and every refusal carries the
 * documented error body ({@code {"error": ...}} for 401 and the token endpoint).
 */
class HostileInputIT {

    private static final RunningService SERVICE = RunningService.shared();
    private static final String ADMIN = SERVICE.api().adminToken();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final List<String> FIELDS = List.of("name", "description", "kind", "scope", "grantTypes",
            "redirectUris", "accessTokenValiditySeconds", "refreshTokenValiditySeconds", "accessType", "type",
            "enabled", "keyType", "ownerId", "tenantAccessExpiresAt", "networkRules", "allowedCidrs", "homepageUrl");
    private static final List<String> WRITES = List.of("POST /v3/oauth-clients", "POST /v3/personal-access-tokens",
            "POST /v3/identities", "POST /v3/virtual-appliances", "PATCH /v3/auth-users/bootstrap-admin",
            "PATCH /v3/identities/bootstrap-admin", "PATCH /v3/oauth-clients/" + RunningService.ADMIN_CLIENT_ID);

    @Property(tries = 150)
    void generatedJsonBodiesNeverYieldA5xx(@ForAll("writes") String endpoint, @ForAll("json") String body) {
        String[] parts = endpoint.split(" ", 2);
        String contentType = parts[0].equals("PATCH") ? "application/json-patch+json" : "application/json";
        assertAnswered(send(parts[0], parts[1], contentType, body));
    }

    @Property(tries = 100)
    void generatedJsonPatchesNeverYieldA5xx(@ForAll("patchTargets") String path, @ForAll("patches") String patch) {
        assertAnswered(send("PATCH", path, "application/json-patch+json", patch));
    }

    @Property(tries = 150)
    void everyMethodOnEveryListingAndResourceNeverYieldsA5xx(@ForAll("methods") String method,
                                                              @ForAll("listings") String path,
                                                              @ForAll boolean authenticated) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(SERVICE.api().base() + path))
                .method(method, HttpRequest.BodyPublishers.noBody());
        if (authenticated) {
            request.header("Authorization", "Bearer " + ADMIN);
        }
        var response = send(request.build());
        assertThat(response.statusCode()).as(method + " " + path + ": " + response.body()).isLessThan(500);
        if (response.statusCode() >= 400 && !method.equals("HEAD")) {
            assertThat(response.body()).as(method + " " + path).containsAnyOf("\"detailCode\"", "\"error\"");
        }
    }

    @Provide
    Arbitrary<String> methods() {
        return Arbitraries.of("GET", "HEAD", "OPTIONS", "TRACE", "POST", "PUT", "PATCH", "DELETE", "PROPFIND");
    }

    @Property(tries = 100)
    void generatedQueryStringsNeverYieldA5xx(@ForAll("listings") String path, @ForAll("text") String limit,
                                             @ForAll("text") String offset, @ForAll("filters") String filters) {
        String query = "?limit=" + encode(limit) + "&offset=" + encode(offset) + "&filters=" + encode(filters)
                + "&count=" + encode(offset) + "&at=" + encode(filters) + "&from=" + encode(limit);
        assertAnswered(send("GET", path + query, null, null));
    }

    @Property(tries = 100)
    void generatedTokenRequestsNeverYieldA5xx(@ForAll("text") String grantType, @ForAll("text") String clientId,
                                              @ForAll("text") String secret, @ForAll("tokenContentTypes") String type) {
        String form = "grant_type=" + encode(grantType) + "&client_id=" + encode(clientId) + "&client_secret="
                + encode(secret);
        var response = send("POST", "/oauth/token", type, form);
        assertThat(response.statusCode()).as(response.body()).isLessThan(500);
        assertThat(response.body()).doesNotContain("Exception");
    }

    @Property(tries = 150)
    void generatedOAuthRequestsNeverYieldA5xx(@ForAll("oauthEndpoints") String endpoint,
                                              @ForAll("grantTypes") String grantType, @ForAll("tokens") String token,
                                              @ForAll boolean authenticated) {
        String clientId = authenticated ? RunningService.ADMIN_CLIENT_ID : "unknown";
        String form = "grant_type=" + encode(grantType) + "&refresh_token=" + encode(token) + "&token="
                + encode(token) + "&token_type_hint=" + encode(grantType) + "&client_id=" + encode(clientId)
                + "&client_secret=" + encode(RunningService.ADMIN_CLIENT_SECRET);
        var response = send("POST", endpoint, "application/x-www-form-urlencoded", form);
        assertThat(response.statusCode()).as(response.body()).isLessThan(500);
        assertThat(response.body()).doesNotContain("Exception");
    }

    @Property(tries = 150)
    void generatedForwardingHeadersNeverYieldA5xx(@ForAll("headerValues") String forwardedFor,
                                                  @ForAll("headerValues") String country) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(SERVICE.api().base()
                        + "/v3/personal-access-tokens?owner-id=me"))
                .header("Authorization", "Bearer " + NetworkBound.TOKEN)
                .header("X-Forwarded-For", forwardedFor)
                .header("X-Country-Code", country)
                .GET().build();
        var response = send(request);
        assertThat(response.statusCode()).as(response.body()).isIn(200, 403);
        if (response.statusCode() == 403) {
            assertThat(response.body()).contains("403.2 Network not allowed");
        }
    }

    /** A PAT whose owner may call only from 10.0.0.0/8 and Switzerland, and a token it obtained from there. */
    private static final class NetworkBound {
        static final String TOKEN;

        static {
            Api api = SERVICE.api();
            String owner = api.post("/v3/identities", ADMIN, Map.of("name", "Hostile headers", "kind", "USER",
                    "networkRules", Map.of("allowedCidrs", List.of("10.0.0.0/8"), "allowedCountries", List.of("CH"))))
                    .expect(200).field("id");
            Api.Response pat = api.createPat(ADMIN, owner, "hostile headers", List.of("sp:scopes:all")).expect(200);
            TOKEN = api.withHeaders(Map.of("X-Forwarded-For", "10.0.0.1", "X-Country-Code", "CH"))
                    .token(pat.field("id"), pat.field("secret"));
        }
    }

    @Provide
    Arbitrary<String> oauthEndpoints() {
        return Arbitraries.of("/oauth/token", "/oauth/introspect", "/oauth/revoke");
    }

    @Provide
    Arbitrary<String> grantTypes() {
        return Arbitraries.oneOf(Arbitraries.of("refresh_token", "client_credentials", "access_token"), text());
    }

    @Provide
    Arbitrary<String> tokens() {
        return Arbitraries.oneOf(text(),
                Arbitraries.strings().withChars("0123456789abcdefABCDEF_").ofLength(71).map(s -> "idcr_" + s),
                Arbitraries.strings().alpha().numeric().ofMinLength(10).ofMaxLength(60)
                        .map(s -> "eyJhbGciOiJSUzI1NiJ9." + s + "." + s),
                Arbitraries.just(SERVICE.api().adminToken()));
    }

    @Provide
    Arbitrary<String> headerValues() {
        return Arbitraries.oneOf(Arbitraries.strings().withCharRange(' ', '~').ofMaxLength(60),
                Arbitraries.of("10.0.0.1", "10.0.0.1, 203.0.113.9", "::1", "[2001:db8::1]", "999.1.1.1",
                        "10.0.0.1,,,", " , ", "CH", "ch", "XX", "localhost"),
                Arbitraries.strings().withChars("0123456789.:,[] abcdef").ofMaxLength(80));
    }

    @Provide
    Arbitrary<String> writes() {
        return Arbitraries.of(WRITES);
    }

    @Provide
    Arbitrary<String> patchTargets() {
        return Arbitraries.of("/v3/auth-users/bootstrap-admin", "/v3/identities/bootstrap-admin",
                "/v3/oauth-clients/" + RunningService.ADMIN_CLIENT_ID, "/v3/personal-access-tokens/unknown");
    }

    @Provide
    Arbitrary<String> listings() {
        return Arbitraries.of("/v3/oauth-clients", "/v3/personal-access-tokens", "/v3/identities",
                "/v3/virtual-appliances", "/v3/audit-events", "/v3/oauth-clients/x/effective-scope",
                "/v3/personal-access-tokens/x/effective-scope");
    }

    @Provide
    Arbitrary<String> tokenContentTypes() {
        return Arbitraries.of("application/x-www-form-urlencoded", "application/json", "text/plain",
                "multipart/form-data; boundary=x", "application/x-www-form-urlencoded; charset=ISO-8859-1");
    }

    @Provide
    Arbitrary<String> text() {
        return Arbitraries.oneOf(Arbitraries.strings().all().ofMaxLength(40),
                Arbitraries.strings().withChars("0123456789-+eE.x ").ofMaxLength(25),
                Arbitraries.strings().ascii().ofMinLength(1000).ofMaxLength(5000));
    }

    @Provide
    Arbitrary<String> filters() {
        return Arbitraries.oneOf(text(), Arbitraries.of("lastUsed isnull", "lastUsed le \"2024-01-01T00:00:00Z\"",
                        "lastUsed le \"", "lastUsed le \"\"", "lastUsed gt \"2024\"", "name eq \"x\"", "lastUsed le"),
                Arbitraries.strings().all().ofMaxLength(10).map(s -> "lastUsed le \"" + s + "\""));
    }

    @Provide
    Arbitrary<String> json() {
        return Arbitraries.oneOf(text(), value(3).map(HostileInputIT::json), object(3).map(HostileInputIT::json));
    }

    @Provide
    Arbitrary<String> patches() {
        Arbitrary<Object> operation = Combinators.combine(
                Arbitraries.oneOf(Arbitraries.of("add", "remove", "replace", "move", "copy", "test"), text()),
                Arbitraries.oneOf(Arbitraries.of("/name", "/scope", "/scope/-", "/scope/0", "/capabilities",
                        "/capabilities/-", "/capabilities/5", "/grantTypes/-", "/enabled", "/networkRules",
                        "/tenantAccessExpiresAt", "", "/", "/~1", "/a/b/c", "/scope/-1", "/scope/00",
                        "/capabilities/-1", "/capabilities/00", "/-", "/scope/0/x", "/redirectUris/99",
                        "/networkRules/allowedCidrs/-", "/networkRules/allowedCidrs/01"), text()),
                value(2)).as((op, path, value) -> {
                    var node = new LinkedHashMap<String, Object>();
                    node.put("op", op);
                    node.put("path", path);
                    node.put("value", value);
                    node.put("from", path);
                    return node;
                });
        return Arbitraries.oneOf(operation.list().ofMaxSize(4).map(HostileInputIT::json), json());
    }

    private Arbitrary<Object> value(int depth) {
        Arbitrary<Object> scalar = Arbitraries.oneOf(
                text().map(s -> (Object) s),
                Arbitraries.longs().map(n -> (Object) n),
                Arbitraries.doubles().map(d -> (Object) d),
                Arbitraries.of(true, false).map(b -> (Object) b),
                Arbitraries.just(null),
                Arbitraries.of("USER", "SUPPORT", "SERVICES", "CLIENT_CREDENTIALS", "AUTHORIZATION_CODE",
                        "sp:scopes:all", "ORG_ADMIN", "VA", "10.0.0.0/8", "https://example.com/cb", "2030-01-01T00:00:00Z")
                        .map(s -> (Object) s));
        if (depth == 0) {
            return scalar;
        }
        return Arbitraries.oneOf(scalar, value(depth - 1).list().ofMaxSize(4).map(l -> (Object) l),
                object(depth - 1).map(m -> (Object) m));
    }

    private Arbitrary<Map<String, Object>> object(int depth) {
        Arbitrary<String> names = Arbitraries.oneOf(Arbitraries.of(FIELDS), text());
        Arbitrary<Object> values = depth == 0 ? text().map(s -> (Object) s) : value(depth - 1);
        return Arbitraries.maps(names, values).ofMaxSize(6).map(LinkedHashMap::new);
    }

    private static void assertAnswered(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isLessThan(500);
        if (response.statusCode() >= 400) {
            JsonNode body = parse(response.body());
            assertThat(body.has("detailCode") || body.has("error")).as(response.body()).isTrue();
            assertThat(response.body()).doesNotContain("Exception").doesNotContain("\tat ");
        }
    }

    private static HttpResponse<String> send(String method, String path, String contentType, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(SERVICE.api().base() + path))
                .header("Authorization", "Bearer " + ADMIN)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        return send(request.build());
    }

    private static HttpResponse<String> send(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String json(Object value) {
        try {
            return Api.JSON.writeValueAsString(value);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode parse(String body) {
        try {
            return Api.JSON.readTree(body);
        } catch (Exception e) {
            return Api.JSON.createObjectNode();
        }
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

}
