package dev.idcred.launcher.security;

import dev.idcred.launcher.support.Api;
import dev.idcred.launcher.support.RunningService;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Whatever a client sends, the answer is a 4xx with the documented error body, never a 5xx or a stack trace. */
class MalformedInputIT {

    private static final Api API = RunningService.shared().api();
    private static final String ADMIN = API.adminToken();

    static Stream<Arguments> malformedRequests() {
        return Stream.of(
                Arguments.of("POST", "/v3/oauth-clients", "application/json", "{not json"),
                Arguments.of("POST", "/v3/oauth-clients", "application/json", ""),
                Arguments.of("POST", "/v3/oauth-clients", "application/json", "[]"),
                Arguments.of("POST", "/v3/oauth-clients", "application/json", "{\"name\": 42, \"grantTypes\": \"x\"}"),
                Arguments.of("POST", "/v3/oauth-clients", "application/json", "{\"name\": \"x\", \"grantTypes\": [\"PASSWORD\"]}"),
                Arguments.of("POST", "/v3/oauth-clients", "application/json", "{\"name\": \"x\", \"grantTypes\": [null]}"),
                Arguments.of("POST", "/v3/oauth-clients", "application/json", "{\"name\": \"x\", \"redirectUris\": [null], \"grantTypes\": [\"AUTHORIZATION_CODE\"]}"),
                Arguments.of("POST", "/v3/oauth-clients", "application/json", "{\"name\": \"x\", \"accessTokenValiditySeconds\": -5}"),
                Arguments.of("POST", "/v3/oauth-clients", "application/json", "{\"name\": \"x\", \"accessTokenValiditySeconds\": 99999999999}"),
                Arguments.of("POST", "/v3/oauth-clients", "text/plain", "name=x"),
                Arguments.of("POST", "/v3/personal-access-tokens", "application/json", "{\"name\": \"" + "n".repeat(300) + "\"}"),
                Arguments.of("POST", "/v3/personal-access-tokens", "application/json", "{\"name\": \"x\", \"scope\": [\"nope\"]}"),
                Arguments.of("POST", "/v3/personal-access-tokens", "application/json", "{\"name\": \"x\", \"scope\": \"sp:scopes:all\"}"),
                Arguments.of("POST", "/v3/personal-access-tokens", "application/json", "{\"name\": \"x\", \"ownerId\": \"no-such-identity\"}"),
                Arguments.of("POST", "/v3/identities", "application/json", "{\"name\": \"x\", \"kind\": \"ROBOT\"}"),
                Arguments.of("POST", "/v3/identities", "application/json", "{\"name\": \"x\", \"kind\": \"USER\", \"tenantAccessExpiresAt\": \"yesterday\"}"),
                Arguments.of("POST", "/v3/identities", "application/json", "{\"name\": \"x\", \"kind\": \"USER\", \"networkRules\": {\"allowedCidrs\": [\"300.1.1.1/8\"]}}"),
                Arguments.of("POST", "/v3/identities", "application/json", "{\"kind\": \"USER\"}"),
                Arguments.of("POST", "/v3/virtual-appliances", "application/json", "{}"),
                Arguments.of("PATCH", "/v3/oauth-clients/no-such-client", "application/json-patch+json", "[{\"op\": \"replace\", \"path\": \"/name\", \"value\": \"x\"}]"),
                Arguments.of("PATCH", "/v3/personal-access-tokens/no-such-token", "application/json-patch+json", "[{\"op\": \"replace\", \"path\": \"/name\", \"value\": \"x\"}]"),
                Arguments.of("PATCH", "/v3/auth-users/bootstrap-admin", "application/json-patch+json", "{\"op\": \"replace\"}"),
                Arguments.of("PATCH", "/v3/auth-users/bootstrap-admin", "application/json-patch+json", "[{\"op\": \"explode\", \"path\": \"/capabilities\"}]"),
                Arguments.of("PATCH", "/v3/auth-users/bootstrap-admin", "application/json-patch+json", "[{\"op\": \"replace\", \"path\": \"/capabilities\", \"value\": \"ORG_ADMIN\"}]"),
                Arguments.of("PATCH", "/v3/auth-users/bootstrap-admin", "application/json-patch+json", "[{\"op\": \"remove\", \"path\": \"/capabilities/99\"}]"),
                Arguments.of("PATCH", "/v3/auth-users/bootstrap-admin", "application/json-patch+json", "[]"),
                Arguments.of("PATCH", "/v3/auth-users/no-such-user", "application/json-patch+json", "[{\"op\": \"add\", \"path\": \"/capabilities/-\", \"value\": \"HELPDESK\"}]"),
                Arguments.of("DELETE", "/v3/oauth-clients/no-such-client", null, null),
                Arguments.of("DELETE", "/v3/virtual-appliances/no-such-appliance", null, null),
                Arguments.of("GET", "/v3/oauth-clients?limit=abc", null, null),
                Arguments.of("GET", "/v3/oauth-clients?limit=-1", null, null),
                Arguments.of("GET", "/v3/oauth-clients?offset=-1", null, null),
                Arguments.of("GET", "/v3/oauth-clients?filters=name%20eq%20%22x%22", null, null),
                Arguments.of("GET", "/v3/oauth-clients?filters=lastUsed%20le%20%22not-a-date%22", null, null),
                Arguments.of("GET", "/v3/oauth-clients/no-such-client", null, null),
                Arguments.of("GET", "/v3/identities/no-such-identity", null, null),
                Arguments.of("GET", "/v3/no-such-endpoint", null, null),
                Arguments.of("PUT", "/v3/oauth-clients", "application/json", "{}"),
                Arguments.of("POST", "/v3/identities", "application/json", "{\"name\": \"nul\\u0000name\", \"kind\": \"USER\"}"),
                Arguments.of("POST", "/v3/personal-access-tokens", "application/json", "{\"name\": \"nul\\u0000name\"}"),
                Arguments.of("POST", "/v3/personal-access-tokens", "application/json", "{\"name\": \"x\", \"ownerId\": \"a\\u0000b\"}"),
                Arguments.of("POST", "/v3/oauth-clients", "application/json", "{\"name\": \"x\", \"keyType\": \"K\\u0000\"}"),
                Arguments.of("POST", "/v3/virtual-appliances", "application/json", "{\"name\": \"va\\u0007\"}"),
                Arguments.of("GET", "/v3/audit-events?subjectId=a%00b", null, null),
                Arguments.of("PATCH", "/v3/identities/bootstrap-admin", "application/json-patch+json", "[{\"op\": \"replace\", \"path\": \"\", \"value\": null}]"),
                Arguments.of("PATCH", "/v3/auth-users/bootstrap-admin", "application/json-patch+json", "[{\"op\": \"replace\", \"path\": \"\", \"value\": [1]}]"),
                Arguments.of("GET", "/v3/oauth-clients?filters=" + "x".repeat(9000), null, null),
                Arguments.of("PATCH", "/v3/auth-users/bootstrap-admin", "application/json-patch+json", "[{\"op\": \"add\", \"path\": \"/capabilities/0\", \"value\": null}]"),
                Arguments.of("POST", "/oauth/token?grant_type=client_credentials&client_id=a%00b&client_secret=x",
                        "application/x-www-form-urlencoded", ""));
    }

    @ParameterizedTest(name = "{0} {1} {3}")
    @MethodSource("malformedRequests")
    void answersAClientErrorWithTheErrorBody(String method, String path, String contentType, String body) {
        var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create(API.base() + path))
                .header("Authorization", "Bearer " + ADMIN)
                .method(method, body == null ? java.net.http.HttpRequest.BodyPublishers.noBody()
                        : java.net.http.HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        java.net.http.HttpResponse<String> response;
        try {
            response = java.net.http.HttpClient.newHttpClient().send(request.build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        assertThat(response.statusCode()).as(response.body()).isBetween(400, 499);
        assertThat(response.body()).contains("\"detailCode\"").contains("\"trackingId\"").contains("\"messages\"")
                .doesNotContain("Exception").doesNotContain("\tat ");
    }
}
