package dev.idcred.launcher.hygiene;

import com.fasterxml.jackson.databind.JsonNode;
import dev.idcred.launcher.support.Api;
import dev.idcred.launcher.support.RunningService;
import dev.idcred.shared.credential.CredentialLeaked;
import dev.idcred.shared.credential.PersonalAccessTokenDeleted;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 14, leaks: a scanner's report stops a live credential at once (a PAT deleted, an API client disabled with
 * its refresh tokens), junk and mistyped secrets are rejected before any lookup, and an unknown secret's owner is
 * never revealed.
 */
class LeakReportIT {

    private final Api api = RunningService.shared().api();
    private final String admin = api.adminToken();

    @Test
    void aLeakedPatIsDeletedAndItsTokensStopAtOnce() {
        String owner = api.createIdentity(admin, "Leaky owner", "USER", "ORG_ADMIN");
        Api.Response pat = api.createPat(admin, owner, "pasted", List.of("sp:scopes:all")).expect(200);
        String token = api.token(pat.field("id"), pat.field("secret"));
        api.get("/v3/identities", token).expect(200);

        JsonNode result = api.post("/v3/credential-leaks", admin, Map.of("secret", pat.field("secret"),
                "url", "https://paste.example/abc")).expect(200).body();

        assertThat(result.path("status").asText()).isEqualTo("REVOKED");
        assertThat(result.path("credentialId").asText()).isEqualTo(pat.field("id"));
        api.get("/v3/identities", token).expect(401);
        api.tokenRequest(pat.field("id"), pat.field("secret")).expect(401);
        await().untilAsserted(() -> assertThat(api.get("/v3/audit-events?subjectId=" + pat.field("id"), admin)
                .expect(200).body().findValuesAsText("type"))
                .contains("CredentialLeaked", "PersonalAccessTokenDeleted"));
        assertThat(api.post("/v3/credential-leaks", admin, Map.of("secret", pat.field("secret"))).expect(200)
                .field("status")).isEqualTo("NOT_FOUND");
    }

    @Test
    void aLeakedClientSecretDisablesTheClientAndEndsItsRefreshTokens() {
        var body = new java.util.LinkedHashMap<>(Api.clientBody("leaky client"));
        body.put("grantTypes", List.of("CLIENT_CREDENTIALS", "REFRESH_TOKEN"));
        Api.Response client = api.post("/v3/oauth-clients", admin, body).expect(200);
        String refresh = api.tokenRequest(client.field("id"), client.field("secret")).expect(200)
                .field("refresh_token");

        JsonNode bulk = api.post("/v3/credential-leaks/bulk", admin, Map.of("leaks", List.of(
                Map.of("secret", client.field("secret")),
                Map.of("secret", "not a secret at all"),
                Map.of("secret", mistyped(client.field("secret"))),
                Map.of("secret", refresh)))).expect(200).body().path("results");

        assertThat(bulk.findValuesAsText("status")).containsExactly("REVOKED", "REJECTED", "REJECTED", "REVOKED");
        assertThat(bulk.get(1).path("credentialId").isNull() || bulk.get(1).path("credentialId").isMissingNode())
                .isTrue();
        api.tokenRequest(client.field("id"), client.field("secret")).expect(401);
        await().untilAsserted(() -> assertThat(api.get("/v3/oauth-clients/" + client.field("id"), admin)
                .expect(200).body().path("enabled").asBoolean()).isFalse());
    }

    @Test
    void reportingNeedsItsRightAndAReportNamesNothingItDidNotFind() {
        String owner = api.createIdentity(admin, "Plain reporter", "USER");
        Api.Response pat = api.createPat(admin, owner, "reporter", List.of("sp:scopes:all")).expect(200);
        String plain = api.token(pat.field("id"), pat.field("secret"));
        api.post("/v3/credential-leaks", plain, Map.of("secret", pat.field("secret"))).expect(403);

        api.post("/v3/credential-leaks", admin, Map.of("url", "https://x.example")).expect(400);
        api.post("/v3/credential-leaks", admin, Map.of("secret", "idcs_x", "url", "not a url")).expect(400);
        JsonNode junk = api.post("/v3/credential-leaks", admin, Map.of("secret", "idcs_tooShort")).expect(200).body();
        assertThat(junk.path("status").asText()).isEqualTo("REJECTED");
        assertThat(junk.path("credentialId").isNull()).isTrue();
    }

    /** The same secret with one character changed: its checksum no longer holds. */
    private static String mistyped(String secret) {
        char last = secret.charAt(10);
        return secret.substring(0, 10) + (last == 'a' ? 'b' : 'a') + secret.substring(11);
    }
}
