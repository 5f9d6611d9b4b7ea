package dev.idcred.launcher.tokens;

import com.fasterxml.jackson.databind.JsonNode;
import dev.idcred.launcher.support.Api;
import dev.idcred.launcher.support.RunningService;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 4, item 2: an identity's network rules apply to every call made with its PATs, the token request and each
 * API call with the token. The tests call from loopback, which this service trusts as a proxy
 * ({@link RunningService#TRUSTED_PROXY}), so {@code X-Forwarded-For} and the country header play the client behind
 * it; without them the client is loopback itself. (A peer that is not a trusted proxy is covered by
 * {@code ClientOriginsTest}: its forwarding headers are ignored.)
 */
class NetworkRulesIT {

    private static final String COUNTRY = "X-Country-Code";
    private final Api api = RunningService.shared().api();
    private final String admin = api.adminToken();

    @Test
    void aPatWorksOnlyFromItsOwnersNetworks() {
        Api.Response pat = patOfIdentityWith(Map.of("allowedCidrs", List.of("10.0.0.0/8", "2001:db8::/32")));
        Api inside = api.withHeaders(Map.of("X-Forwarded-For", "10.1.2.3"));
        Api insideV6 = api.withHeaders(Map.of("X-Forwarded-For", "2001:db8::7"));

        Api.Response refusedRequest = api.tokenRequest(pat.field("id"), pat.field("secret")).expect(403);
        assertThat(refusedRequest.field("detailCode")).isEqualTo("403.2 Network not allowed");
        assertThat(refusedRequest.field("error")).isEqualTo("access_denied");
        assertThat(refusedRequest.body().path("messages").get(0).path("text").asText()).contains("127.0.0.1");

        String token = inside.token(pat.field("id"), pat.field("secret"));
        insideV6.token(pat.field("id"), pat.field("secret"));
        inside.get("/v3/personal-access-tokens?owner-id=me", token).expect(200);
        inside.createPat(token, "me", "made from inside", null).expect(200);

        Api.Response refusedRead = api.get("/v3/personal-access-tokens?owner-id=me", token).expect(403);
        assertThat(refusedRead.field("detailCode")).isEqualTo("403.2 Network not allowed");
        assertThat(refusedRead.field("trackingId")).isNotBlank();
        api.createPat(token, "me", "made from outside", null).expect(403);
    }

    @Test
    void theClientIsTheNearestForwardedAddressThatIsNotATrustedProxy() {
        Api.Response pat = patOfIdentityWith(Map.of("allowedCidrs", List.of("10.0.0.0/8")));
        String token = api.withHeaders(Map.of("X-Forwarded-For", "10.1.2.3")).token(pat.field("id"), pat.field("secret"));

        // A client may write anything left of the proxy's entry: only the rightmost untrusted entry counts.
        api.withHeaders(Map.of("X-Forwarded-For", "203.0.113.7, 10.1.2.3"))
                .get("/v3/personal-access-tokens?owner-id=me", token).expect(200);
        api.withHeaders(Map.of("X-Forwarded-For", "10.1.2.3, 203.0.113.7"))
                .get("/v3/personal-access-tokens?owner-id=me", token).expect(403);
        // Trusted proxies in the chain are skipped.
        api.withHeaders(Map.of("X-Forwarded-For", "10.1.2.3, 127.0.0.1"))
                .get("/v3/personal-access-tokens?owner-id=me", token).expect(200);
        api.withHeaders(Map.of("X-Forwarded-For", "not-an-address"))
                .get("/v3/personal-access-tokens?owner-id=me", token).expect(403);
    }

    @Test
    void aPatWorksOnlyFromItsOwnersCountries() {
        Api.Response pat = patOfIdentityWith(Map.of("allowedCountries", List.of("CH", "at")));
        String token = api.withHeaders(Map.of(COUNTRY, "CH")).token(pat.field("id"), pat.field("secret"));

        api.withHeaders(Map.of(COUNTRY, "at")).get("/v3/personal-access-tokens?owner-id=me", token).expect(200);
        api.withHeaders(Map.of(COUNTRY, "DE")).get("/v3/personal-access-tokens?owner-id=me", token).expect(403);
        api.get("/v3/personal-access-tokens?owner-id=me", token).expect(403);
    }

    @Test
    void aRefusedCallIsInTheAuditTrailAtOnce() {
        Api.Response pat = patOfIdentityWith(Map.of("allowedCidrs", List.of("10.0.0.0/8"),
                "allowedCountries", List.of("CH")));
        String token = api.withHeaders(Map.of("X-Forwarded-For", "10.9.9.9", "X-Country-Code", "CH"))
                .token(pat.field("id"), pat.field("secret"));
        api.withHeaders(Map.of("X-Forwarded-For", "198.51.100.4", "X-Country-Code", "CH"))
                .get("/v3/personal-access-tokens?owner-id=me", token).expect(403);
        api.withHeaders(Map.of("X-Forwarded-For", "10.1.2.3", "X-Country-Code", "DE"))
                .tokenRequest(pat.field("id"), pat.field("secret")).expect(403);

        JsonNode trail = api.get("/v3/audit-events?subjectId=" + pat.field("id"), admin).expect(200).body();
        List<JsonNode> refusals = new java.util.ArrayList<>();
        trail.forEach(entry -> {
            if ("AccessRefused".equals(entry.path("type").asText())) {
                refusals.add(entry);
            }
        });
        assertThat(refusals).hasSize(2);
        assertThat(refusals.get(0).path("subjectId").asText()).isEqualTo(pat.field("id"));
        assertThat(refusals.get(0).path("details").path("clientAddress").asText()).isEqualTo("198.51.100.4");
        assertThat(refusals.get(0).path("details").path("request").asText())
                .isEqualTo("GET /v3/personal-access-tokens");
        assertThat(refusals.get(0).path("details").path("rule").asText()).isEqualTo("NETWORK");
        assertThat(refusals.get(1).path("details").path("clientAddress").asText()).isEqualTo("10.1.2.3");
        assertThat(refusals.get(1).path("details").path("rule").asText()).isEqualTo("COUNTRY");
        assertThat(refusals.get(1).path("details").path("request").asText()).isEqualTo("POST /oauth/token");
    }

    @Test
    void changedRulesApplyToTokensIssuedBefore() {
        Api.Response pat = patOfIdentityWith(Map.of());
        String owner = pat.body().path("owner").path("id").asText();
        String token = api.token(pat.field("id"), pat.field("secret"));
        api.get("/v3/personal-access-tokens?owner-id=me", token).expect(200);

        api.patch("/v3/identities/" + owner, admin, List.of(Map.of("op", "replace", "path", "/networkRules",
                "value", Map.of("allowedCidrs", List.of("10.0.0.0/8"), "allowedCountries", List.of())))).expect(200);

        api.get("/v3/personal-access-tokens?owner-id=me", token).expect(403);
    }

    @Test
    void theRulesApplyToPersonalAccessTokensNotToApiClients() {
        Api.Response pat = patOfIdentityWith(Map.of("allowedCidrs", List.of("10.0.0.0/8")));
        // The owner is an ORG_ADMIN, so it may create API clients; they are not bound by its network rules.
        String inside = api.withHeaders(Map.of("X-Forwarded-For", "10.1.2.3")).token(pat.field("id"), pat.field("secret"));
        Api.Response client = api.withHeaders(Map.of("X-Forwarded-For", "10.1.2.3"))
                .post("/v3/oauth-clients", inside, Map.of("name", "unbound")).expect(200);
        await().untilAsserted(() -> api.token(client.field("id"), client.field("secret")));
    }

    private Api.Response patOfIdentityWith(Map<String, List<String>> rules) {
        String owner = api.post("/v3/identities", admin, Map.of("name", "Networked user", "kind", "USER",
                "networkRules", rules)).expect(200).field("id");
        api.patch("/v3/auth-users/" + owner, admin, List.of(Map.of("op", "replace", "path", "/capabilities",
                "value", List.of("ORG_ADMIN")))).expect(200);
        return api.createPat(admin, owner, "networked", List.of("sp:scopes:all")).expect(200);
    }
}
