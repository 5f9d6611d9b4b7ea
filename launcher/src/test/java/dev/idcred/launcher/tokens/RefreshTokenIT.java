package dev.idcred.launcher.tokens;

import dev.idcred.launcher.support.Api;
import dev.idcred.launcher.support.RunningService;
import dev.idcred.shared.credential.RefreshTokenFamilyRevoked;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 4, item 4: an API client with the REFRESH_TOKEN grant gets a refresh token with its client-credentials
 * token; each use rotates it; a reused (already rotated) one revokes its whole family, access tokens included.
 */
class RefreshTokenIT {

    private final Api api = RunningService.shared().api();
    private final String admin = api.adminToken();

    @Test
    void aRefreshTokenIsRotatedOnEveryUse() {
        Api.Response client = refreshingClient("rotating", null);
        Api.Response first = clientCredentials(client);
        String refresh1 = first.field("refresh_token");
        assertThat(refresh1).startsWith("idcr_");

        Api.Response second = refresh(client, refresh1).expect(200);
        String refresh2 = second.field("refresh_token");
        assertThat(refresh2).startsWith("idcr_").isNotEqualTo(refresh1);
        assertThat(second.field("access_token")).isNotEqualTo(first.field("access_token"));
        api.get("/v3/oauth-clients", second.field("access_token")).expect(200);

        Api.Response third = refresh(client, refresh2).expect(200);
        api.get("/v3/oauth-clients", third.field("access_token")).expect(200);
    }

    @Test
    void aReusedRefreshTokenRevokesTheWholeFamily() {
        Api.Response client = refreshingClient("replayed", null);
        Api.Response first = clientCredentials(client);
        Api.Response second = refresh(client, first.field("refresh_token")).expect(200);

        Api.Response replay = refresh(client, first.field("refresh_token"));
        assertThat(replay.status()).isEqualTo(400);
        assertThat(replay.field("error")).isEqualTo("invalid_grant");

        assertThat(refresh(client, second.field("refresh_token")).field("error")).isEqualTo("invalid_grant");
        api.get("/v3/oauth-clients", first.field("access_token")).expect(401);
        api.get("/v3/oauth-clients", second.field("access_token")).expect(401);

        Api.Response unrelated = clientCredentials(client);
        api.get("/v3/oauth-clients", unrelated.field("access_token")).expect(200);
        String owner = api.form("/oauth/introspect", Map.of("token", unrelated.field("access_token"),
                "client_id", client.field("id"), "client_secret", client.field("secret"))).field("identity_id");
        var trail = api.get("/v3/audit-events?actorId=" + owner, admin).expect(200).body();
        assertThat(trail.findValuesAsText("type")).contains("RefreshTokenFamilyRevoked");
    }

    @Test
    void aRefreshTokenLivesForTheClientsRefreshValidity() {
        Api.Response client = refreshingClient("short-lived", 2);
        Api.Response first = clientCredentials(client);
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                assertThat(refresh(client, first.field("refresh_token")).field("error")).isEqualTo("invalid_grant"));
    }

    @Test
    void onlyTheCurrentRefreshTokenOfALiveClientIntrospectsActive() {
        Api.Response client = refreshingClient("introspected refresh", null);
        String first = clientCredentials(client).field("refresh_token");
        Api.Response active = introspect(client, first);
        assertThat(active.body().path("active").asBoolean()).isTrue();
        assertThat(active.field("token_type")).isEqualTo("refresh_token");
        assertThat(active.field("client_id")).isEqualTo(client.field("id"));

        String second = refresh(client, first).expect(200).field("refresh_token");
        assertThat(introspect(client, first).body().path("active").asBoolean()).isFalse();
        assertThat(introspect(client, second).body().path("active").asBoolean()).isTrue();

        Api.Response server = api.post("/v3/oauth-clients", admin, Map.of("name", "refresh inspector")).expect(200);
        api.patch("/v3/oauth-clients/" + client.field("id"), admin, List.of(Map.of("op", "replace",
                "path", "/enabled", "value", false))).expect(200);
        assertThat(introspect(server, second).body().path("active").asBoolean()).isFalse();
    }

    @Test
    void revokingARefreshTokenEndsItsFamily() {
        Api.Response client = refreshingClient("revoked family", null);
        Api.Response first = clientCredentials(client);
        api.form("/oauth/revoke", Map.of("token", first.field("refresh_token"), "token_type_hint", "refresh_token",
                "client_id", client.field("id"), "client_secret", client.field("secret"))).expect(200);

        assertThat(refresh(client, first.field("refresh_token")).field("error")).isEqualTo("invalid_grant");
        api.get("/v3/oauth-clients", first.field("access_token")).expect(401);
    }

    @Test
    void disablingTheClientEndsItsRefreshTokensForGood() {
        Api.Response client = refreshingClient("disabled then enabled", null);
        Api.Response before = clientCredentials(client);
        patch(client, "replace", "/enabled", false);
        patch(client, "replace", "/enabled", true);

        assertThat(refresh(client, before.field("refresh_token")).field("error")).isEqualTo("invalid_grant");
        api.get("/v3/oauth-clients", before.field("access_token")).expect(401);
        refresh(client, clientCredentials(client).field("refresh_token")).expect(200);
    }

    @Test
    void removingTheRefreshGrantEndsItsRefreshTokensEvenIfTheGrantComesBack() {
        Api.Response client = refreshingClient("grant removed then added", null);
        Api.Response before = clientCredentials(client);
        patch(client, "replace", "/grantTypes", List.of("CLIENT_CREDENTIALS"));
        patch(client, "replace", "/grantTypes", List.of("CLIENT_CREDENTIALS", "REFRESH_TOKEN"));

        assertThat(refresh(client, before.field("refresh_token")).field("error")).isEqualTo("invalid_grant");
        assertThat(introspect(client, before.field("refresh_token")).body().path("active").asBoolean()).isFalse();
        api.get("/v3/oauth-clients", before.field("access_token")).expect(200);
    }

    @Test
    void onlyClientsWithTheRefreshGrantGetAndUseRefreshTokens() {
        Api.Response plain = api.post("/v3/oauth-clients", admin, Map.of("name", "no refresh")).expect(200);
        Api.Response response = api.tokenRequest(plain.field("id"), plain.field("secret")).expect(200);
        assertThat(response.body().has("refresh_token")).isFalse();
        assertThat(refresh(plain, "idcr_whatever").field("error")).isEqualTo("unauthorized_client");

        Api.Response refreshing = refreshingClient("owner of the family", null);
        Api.Response other = refreshingClient("not the owner", null);
        String refreshToken = clientCredentials(refreshing).field("refresh_token");
        assertThat(refresh(other, refreshToken).field("error")).isEqualTo("invalid_grant");
        refresh(refreshing, refreshToken).expect(200);

        Api.Response mistyped = refresh(refreshing, refreshToken.substring(0, refreshToken.length() - 1) + "x");
        assertThat(mistyped.field("error")).isEqualTo("invalid_grant");
    }

    private void patch(Api.Response client, String op, String path, Object value) {
        api.patch("/v3/oauth-clients/" + client.field("id"), admin, List.of(Map.of("op", op, "path", path,
                "value", value))).expect(200);
    }

    private Api.Response introspect(Api.Response caller, String token) {
        return api.form("/oauth/introspect", Map.of("token", token, "client_id", caller.field("id"),
                "client_secret", caller.field("secret"))).expect(200);
    }

    private Api.Response refreshingClient(String name, Integer refreshValidity) {
        var body = new java.util.LinkedHashMap<String, Object>();
        body.put("name", name);
        body.put("grantTypes", List.of("CLIENT_CREDENTIALS", "REFRESH_TOKEN"));
        body.put("scope", List.of("sp:scopes:all"));
        if (refreshValidity != null) {
            body.put("refreshTokenValiditySeconds", refreshValidity);
        }
        return api.post("/v3/oauth-clients", admin, body).expect(200);
    }

    private Api.Response clientCredentials(Api.Response client) {
        return api.tokenRequest(client.field("id"), client.field("secret")).expect(200);
    }

    private Api.Response refresh(Api.Response client, String refreshToken) {
        return api.form("/oauth/token", Map.of("grant_type", "refresh_token", "refresh_token", refreshToken,
                "client_id", client.field("id"), "client_secret", client.field("secret")));
    }
}
