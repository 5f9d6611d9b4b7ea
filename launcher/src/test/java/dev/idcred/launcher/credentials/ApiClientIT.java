package dev.idcred.launcher.credentials;

import dev.idcred.launcher.support.Api;
import dev.idcred.launcher.support.RunningService;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class ApiClientIT {

    private final Api api = RunningService.shared().api();
    private final String admin = api.adminToken();

    @Test
    void createdClientObtainsTokensAndShowsInTheListingWithItsType() {
        Api.Response created = api.post("/v3/oauth-clients", admin, Api.clientBody("listed")).expect(200);
        assertThat(created.field("secret")).isNotBlank();
        assertThat(created.field("keyType")).isEqualTo("API");

        Api.Response token = api.tokenRequest(created.field("id"), created.field("secret")).expect(200);
        assertThat(token.body().path("expires_in").asInt()).isEqualTo(600);
        assertThat(token.field("scope")).isEqualTo("idn:identities:read");

        await().untilAsserted(() -> {
            Api.Response read = api.get("/v3/oauth-clients/" + created.field("id"), admin).expect(200);
            assertThat(read.body().has("secret")).isFalse();
            assertThat(read.field("keyType")).isEqualTo("API");
            assertThat(read.field("lastUsed")).isNotNull();
        });
    }

    @Test
    void patchResponseIsWhatLaterReadsShow() {
        Api.Response created = api.post("/v3/oauth-clients", admin, Api.clientBody("to patch")).expect(200);
        Api.Response patched = api.patch("/v3/oauth-clients/" + created.field("id"), admin, List.of(
                Map.of("op", "replace", "path", "/description", "value", "patched"),
                Map.of("op", "add", "path", "/grantTypes/-", "value", "REFRESH_TOKEN"))).expect(200);
        assertThat(patched.field("description")).isEqualTo("patched");
        assertThat(patched.body().path("refreshTokenValiditySeconds").asInt()).isEqualTo(2_592_000);

        await().untilAsserted(() -> assertThat(api.get("/v3/oauth-clients/" + created.field("id"), admin)
                .expect(200).body()).isEqualTo(patched.body()));
    }

    @Test
    void disabledClientObtainsNoToken() {
        Api.Response created = api.post("/v3/oauth-clients", admin, Api.clientBody("to disable")).expect(200);
        api.patch("/v3/oauth-clients/" + created.field("id"), admin,
                List.of(Map.of("op", "replace", "path", "/enabled", "value", false))).expect(200);
        api.tokenRequest(created.field("id"), created.field("secret")).expect(401);
    }

    @Test
    void deletedClientObtainsNoTokenOnceTheDeleteAnswered() {
        Api.Response created = api.post("/v3/oauth-clients", admin, Api.clientBody("to delete")).expect(200);
        api.delete("/v3/oauth-clients/" + created.field("id"), admin).expect(204);
        api.tokenRequest(created.field("id"), created.field("secret")).expect(401);
        await().untilAsserted(() -> api.get("/v3/oauth-clients/" + created.field("id"), admin).expect(404));
    }

    @Test
    void supportAccountCannotCreateApiClientsEvenAsOrgAdmin() {
        String support = api.createIdentity(admin, "Vendor support", "SUPPORT", "ORG_ADMIN");
        Api.Response pat = api.createPat(admin, support, "support work", List.of("sp:scopes:all")).expect(200);
        String token = api.token(pat.field("id"), pat.field("secret"));

        Api.Response refused = api.post("/v3/oauth-clients", token, Api.clientBody("from support")).expect(403);
        assertThat(refused.field("detailCode")).isEqualTo("403.1 Creator may not own API clients");
    }

    @Test
    void servicesAccountCannotCreateApiClientsEvenAsOrgAdmin() {
        String services = api.createIdentity(admin, "Vendor services", "SERVICES", "ORG_ADMIN");
        Api.Response pat = api.createPat(admin, services, "services work", List.of("sp:scopes:all")).expect(200);
        api.post("/v3/oauth-clients", api.token(pat.field("id"), pat.field("secret")), Api.clientBody("x")).expect(403);
    }

    @Test
    void unknownScopeIsRefusedWithTheErrorBody() {
        Map<String, Object> body = Api.clientBody("bad scope");
        body.put("scope", List.of("idn:everything:forever"));
        Api.Response refused = api.post("/v3/oauth-clients", admin, body).expect(400);
        assertThat(refused.field("detailCode")).isEqualTo("400.1.1 Unknown scope");
    }

    @Test
    void listingCountsAndRefusesALimitAbove250() {
        Api.Response page = api.get("/v3/oauth-clients?count=true&limit=1", admin).expect(200);
        assertThat(page.body()).hasSize(1);
        assertThat(Integer.parseInt(page.headers().firstValue("X-Total-Count").orElseThrow())).isGreaterThanOrEqualTo(1);
        api.get("/v3/oauth-clients?limit=251", admin).expect(400);
    }
}
