package dev.idcred.launcher.tokens;

import dev.idcred.launcher.support.Api;
import dev.idcred.launcher.support.RunningService;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Every /v3 endpoint needs a bearer token and the right the catalogue names; rights are scope ∩ levels. */
class AuthorizationIT {

    private final Api api = RunningService.shared().api();
    private final String admin = api.adminToken();

    @Test
    void callWithoutATokenAnswers401WithAnErrorField() {
        Api.Response response = api.get("/v3/oauth-clients", null).expect(401);
        assertThat(response.field("error")).isNotBlank();
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
    }

    @Test
    void callWithAForgedTokenAnswers401() {
        api.get("/v3/oauth-clients", "eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.").expect(401);
    }

    @Test
    void tokenWithoutTheEndpointsRightAnswers403WithTheErrorBody() {
        String owner = api.createIdentity(admin, "Default scope owner", "USER", "ORG_ADMIN");
        Api.Response pat = api.createPat(admin, owner, "default scope", null).expect(200);
        assertThat(pat.body().path("scope").get(0).asText()).isEqualTo("sp:scopes:default");
        String token = api.token(pat.field("id"), pat.field("secret"));

        Api.Response refused = api.get("/v3/oauth-clients", token).expect(403);
        assertThat(refused.field("detailCode")).isEqualTo("403 Forbidden");
        assertThat(refused.field("trackingId")).isNotBlank();
        assertThat(refused.body().path("messages").get(0).path("text").asText()).isNotBlank();
    }

    @Test
    void scopeNeverYieldsMoreThanTheOwnersLevelsAllow() {
        String owner = api.createIdentity(admin, "Levelless owner", "USER");
        Api.Response pat = api.createPat(admin, owner, "asks too much", List.of("idn:oauth-clients:read")).expect(200);
        Api.Response token = api.tokenRequest(pat.field("id"), pat.field("secret")).expect(200);
        assertThat(token.field("scope")).doesNotContain("idn:oauth-clients:read");
        api.get("/v3/oauth-clients", token.field("access_token")).expect(403);
    }

    @Test
    void allScopesTokenTakesOnALevelGrantedLater() {
        String owner = api.createIdentity(admin, "Promoted later", "USER");
        Api.Response pat = api.createPat(admin, owner, "everything", List.of("sp:scopes:all")).expect(200);
        api.get("/v3/oauth-clients", api.token(pat.field("id"), pat.field("secret"))).expect(403);

        api.patch("/v3/auth-users/" + owner, admin, List.of(Map.of("op", "add", "path", "/capabilities/-",
                "value", "ORG_ADMIN"))).expect(200);

        api.get("/v3/oauth-clients", api.token(pat.field("id"), pat.field("secret"))).expect(200);
    }

    @Test
    void revokedLevelIsMissingFromTheVeryNextToken() {
        String owner = api.createIdentity(admin, "Demoted later", "USER", "ORG_ADMIN");
        Api.Response pat = api.createPat(admin, owner, "everything", List.of("sp:scopes:all")).expect(200);
        api.get("/v3/oauth-clients", api.token(pat.field("id"), pat.field("secret"))).expect(200);

        api.patch("/v3/auth-users/" + owner, admin, List.of(Map.of("op", "remove", "path", "/capabilities/0")))
                .expect(200);

        api.get("/v3/oauth-clients", api.token(pat.field("id"), pat.field("secret"))).expect(403);
    }

    @Test
    void everyIdentityMayListItsOwnTokensButNotOthers() {
        String owner = api.createIdentity(admin, "Plain user", "USER");
        Api.Response pat = api.createPat(admin, owner, "own tokens", List.of("sp:scopes:all")).expect(200);
        String token = api.token(pat.field("id"), pat.field("secret"));
        api.get("/v3/personal-access-tokens?owner-id=me", token).expect(200);
        api.get("/v3/personal-access-tokens?owner-id=" + owner, token).expect(200);
        api.get("/v3/personal-access-tokens", token).expect(403);
        api.get("/v3/personal-access-tokens?owner-id=bootstrap-admin", token).expect(403);
    }

    @Test
    void unknownUserLevelInAPatchChangesNothing() {
        String owner = api.createIdentity(admin, "Careful grants", "USER");
        api.patch("/v3/auth-users/" + owner, admin, List.of(Map.of("op", "replace", "path", "/capabilities",
                "value", List.of("HELPDESK", "EMPEROR")))).expect(400);
        Api.Response after = api.patch("/v3/auth-users/" + owner, admin, List.of(Map.of("op", "add",
                "path", "/capabilities/-", "value", "REPORT_ADMIN"))).expect(200);
        assertThat(after.body().path("capabilities").toString()).isEqualTo("[\"REPORT_ADMIN\"]");
        org.awaitility.Awaitility.await().untilAsserted(() -> assertThat(api.get("/v3/auth-users/" + owner, admin)
                .expect(200).body().path("capabilities").toString()).isEqualTo("[\"REPORT_ADMIN\"]"));
    }
}
