package dev.idcred.launcher.tokens;

import dev.idcred.launcher.support.Api;
import dev.idcred.launcher.support.RunningService;
import dev.idcred.shared.credential.AccessTokenRevoked;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 4, item 3: access tokens issued earlier stop working on our API at once when their credential is deleted or
 * disabled, a level is revoked or the owner's access expires, on reads (query side) and writes (command side) alike;
 * RFC 7662 introspection and RFC 7009 revocation for other resource servers. "At once" is asserted without any
 * waiting: the first call after the change must already be refused.
 */
class RevocationIT {

    private final Api api = RunningService.shared().api();
    private final String admin = api.adminToken();

    @Test
    void aDeletedPersonalAccessTokensAccessTokenStopsAtOnce() {
        String owner = api.createIdentity(admin, "Deleted PAT owner", "USER", "ORG_ADMIN");
        Api.Response pat = api.createPat(admin, owner, "soon gone", List.of("sp:scopes:all")).expect(200);
        String token = api.token(pat.field("id"), pat.field("secret"));
        api.get("/v3/oauth-clients", token).expect(200);

        api.delete("/v3/personal-access-tokens/" + pat.field("id"), admin).expect(204);

        Api.Response read = api.get("/v3/oauth-clients", token);
        assertThat(read.status()).isEqualTo(401);
        assertThat(read.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
                value -> assertThat(value).contains("invalid_token"));
        api.createPat(token, owner, "after deletion", null).expect(401);
    }

    @Test
    void aDisabledApiClientsAccessTokenStopsAtOnceAndStaysDeadWhenTheClientIsEnabledAgain() {
        Api.Response client = api.post("/v3/oauth-clients", admin, Map.of("name", "to be disabled",
                "scope", List.of("sp:scopes:all"))).expect(200);
        String token = api.token(client.field("id"), client.field("secret"));
        api.get("/v3/oauth-clients", token).expect(200);

        enable(client.field("id"), false);
        api.get("/v3/oauth-clients", token).expect(401);
        api.post("/v3/oauth-clients", token, Map.of("name", "by a disabled client")).expect(401);

        enable(client.field("id"), true);
        api.get("/v3/oauth-clients", token).expect(401);
        api.get("/v3/oauth-clients", api.token(client.field("id"), client.field("secret"))).expect(200);
    }

    @Test
    void aRevokedLevelTakesItsRightsFromTokensIssuedBefore() {
        String owner = api.createIdentity(admin, "Demoted admin", "USER", "ORG_ADMIN");
        Api.Response pat = api.createPat(admin, owner, "broad", List.of("sp:scopes:all")).expect(200);
        String token = api.token(pat.field("id"), pat.field("secret"));
        api.get("/v3/oauth-clients", token).expect(200);

        api.patch("/v3/auth-users/" + owner, admin, List.of(Map.of("op", "replace", "path", "/capabilities",
                "value", List.of("HELPDESK")))).expect(200);

        api.get("/v3/oauth-clients", token).expect(403);
        api.get("/v3/identities/" + owner, token).expect(200);
    }

    @Test
    void aVendorAccountsTokensStopWhenItsAccessEnds() {
        var body = new LinkedHashMap<String, Object>();
        body.put("name", "Short visit");
        body.put("kind", "SUPPORT");
        body.put("tenantAccessExpiresAt", Instant.now().plusSeconds(3).toString());
        String support = api.post("/v3/identities", admin, body).expect(200).field("id");
        Api.Response pat = api.createPat(admin, support, "visit", List.of("sp:scopes:all")).expect(200);
        String token = api.token(pat.field("id"), pat.field("secret"));
        api.get("/v3/personal-access-tokens?owner-id=me", token).expect(200);

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                api.get("/v3/personal-access-tokens?owner-id=me", token).expect(401));
    }

    @Test
    void introspectionSaysWhatATokenIsWorthNow() {
        Api.Response server = api.post("/v3/oauth-clients", admin, Map.of("name", "resource server")).expect(200);
        Api.Response client = api.post("/v3/oauth-clients", admin, Map.of("name", "introspected",
                "scope", List.of("idn:oauth-clients:read"))).expect(200);
        String token = api.token(client.field("id"), client.field("secret"));

        Api.Response active = introspect(server, token).expect(200);
        assertThat(active.body().path("active").asBoolean()).isTrue();
        assertThat(active.field("client_id")).isEqualTo(client.field("id"));
        assertThat(active.field("scope")).isEqualTo("idn:oauth-clients:read");
        assertThat(active.field("token_type")).isEqualTo("Bearer");
        assertThat(active.body().path("exp").asLong()).isGreaterThan(Instant.now().getEpochSecond());
        assertThat(active.headers().firstValue("Cache-Control")).hasValue("no-store");

        api.delete("/v3/oauth-clients/" + client.field("id"), admin).expect(204);
        Api.Response inactive = introspect(server, token).expect(200);
        assertThat(inactive.body().size()).isEqualTo(1);
        assertThat(inactive.body().path("active").asBoolean()).isFalse();

        assertThat(introspect(server, "not a token").body().path("active").asBoolean()).isFalse();
        api.form("/oauth/introspect", Map.of("token", token)).expect(401);
        api.form("/oauth/introspect", Map.of("token", token, "client_id", server.field("id"),
                "client_secret", server.field("secret") + "x")).expect(401);
    }

    @Test
    void aClientRevokesItsOwnAccessTokenAndOnlyItsOwn() {
        Api.Response client = api.post("/v3/oauth-clients", admin, Map.of("name", "revoking",
                "scope", List.of("sp:scopes:all"))).expect(200);
        Api.Response other = api.post("/v3/oauth-clients", admin, Map.of("name", "other")).expect(200);
        String revoked = api.token(client.field("id"), client.field("secret"));
        String kept = api.token(client.field("id"), client.field("secret"));

        revoke(other, revoked).expect(400);
        api.get("/v3/oauth-clients", revoked).expect(200);

        revoke(client, revoked).expect(200);
        api.get("/v3/oauth-clients", revoked).expect(401);
        api.get("/v3/oauth-clients", kept).expect(200);
        assertThat(introspect(client, revoked).body().path("active").asBoolean()).isFalse();

        revoke(client, "garbage").expect(200);
        api.form("/oauth/revoke", Map.of("token", kept)).expect(401);

        var trail = api.get("/v3/audit-events?subjectId=" + client.field("id"), admin).expect(200).body();
        assertThat(trail.findValuesAsText("type")).contains("AccessTokenRevoked");
    }

    private Api.Response introspect(Api.Response caller, String token) {
        return api.form("/oauth/introspect", Map.of("token", token, "client_id", caller.field("id"),
                "client_secret", caller.field("secret")));
    }

    private Api.Response revoke(Api.Response caller, String token) {
        return api.form("/oauth/revoke", Map.of("token", token, "client_id", caller.field("id"),
                "client_secret", caller.field("secret")));
    }

    private void enable(String id, boolean enabled) {
        api.patch("/v3/oauth-clients/" + id, admin, List.of(Map.of("op", "replace", "path", "/enabled",
                "value", enabled))).expect(200);
    }
}
