package dev.idcred.launcher.credentials;

import com.fasterxml.jackson.databind.JsonNode;
import dev.idcred.launcher.support.Api;
import dev.idcred.launcher.support.RunningService;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class PersonalAccessTokenIT {

    private final Api api = RunningService.shared().api();
    private final String admin = api.adminToken();

    private JsonNode listingOf(String ownerId, String query) {
        return api.get("/v3/personal-access-tokens?owner-id=" + ownerId + query, admin).expect(200).body();
    }

    @Test
    void secretIsInTheCreateResponseOnlyAndTheListingShowsOwnerAndScope() {
        String owner = api.createIdentity(admin, "Pat Owner", "USER");
        Api.Response created = api.createPat(admin, owner, "deploy script", List.of("idn:oauth-clients:read"))
                .expect(200);
        assertThat(created.field("secret")).matches("idcs_[0-9A-Za-z]{49}");
        assertThat(created.body().path("accessTokenValiditySeconds").asInt()).isEqualTo(43200);
        assertThat(created.body().path("owner").path("type").asText()).isEqualTo("IDENTITY");

        await().untilAsserted(() -> assertThat(listingOf(owner, "")).hasSize(1));
        JsonNode listed = listingOf(owner, "").get(0);
        assertThat(listed.has("secret")).isFalse();
        assertThat(listed.path("id").asText()).isEqualTo(created.field("id"));
        assertThat(listed.path("owner").path("name").asText()).isEqualTo("Pat Owner");
        assertThat(listed.path("scope").get(0).asText()).isEqualTo("idn:oauth-clients:read");
        assertThat(listed.path("lastUsed").isNull()).isTrue();
    }

    @Test
    void thirtyParallelCreatesForOneOwnerYieldExactlyTenTokens() throws Exception {
        String owner = api.createIdentity(admin, "Busy owner", "USER");
        ExecutorService pool = Executors.newFixedThreadPool(30);
        var attempts = new ArrayList<Callable<Api.Response>>();
        for (int i = 0; i < 30; i++) {
            String name = "parallel " + i;
            attempts.add(() -> api.createPat(admin, owner, name, null));
        }
        List<Integer> statuses = new ArrayList<>();
        for (Future<Api.Response> result : pool.invokeAll(attempts)) {
            statuses.add(result.get().status());
        }
        pool.shutdown();

        assertThat(statuses).filteredOn(s -> s == 200).hasSize(10);
        assertThat(statuses).filteredOn(s -> s != 200).containsOnly(400);
        await().untilAsserted(() -> assertThat(listingOf(owner, "")).hasSize(10));
    }

    @Test
    void thirtyParallelCreatesWithOneNameYieldExactlyOneToken() throws Exception {
        String owner = api.createIdentity(admin, "Racing names", "USER");
        ExecutorService pool = Executors.newFixedThreadPool(30);
        var attempts = new ArrayList<Callable<Api.Response>>();
        for (int i = 0; i < 30; i++) {
            attempts.add(() -> api.createPat(admin, owner, "the same name", null));
        }
        List<Integer> statuses = new ArrayList<>();
        for (Future<Api.Response> result : pool.invokeAll(attempts)) {
            statuses.add(result.get().status());
        }
        pool.shutdown();

        assertThat(statuses).filteredOn(s -> s == 200).hasSize(1);
        assertThat(statuses).filteredOn(s -> s != 200).containsOnly(409);
    }

    @Test
    void nameTakenByTheSameOwnerIsAConflict() {
        String owner = api.createIdentity(admin, "Name clash", "USER");
        api.createPat(admin, owner, "nightly", null).expect(200);
        Api.Response clash = api.createPat(admin, owner, "Nightly", null).expect(409);
        assertThat(clash.field("detailCode")).startsWith("409");
    }

    @Test
    void aDeletedTokenFreesItsPlaceAndItsNameAndARenamedOneItsOldName() {
        String owner = api.createIdentity(admin, "Ten and one", "USER");
        var ids = new ArrayList<String>();
        for (int i = 0; i < 10; i++) {
            ids.add(api.createPat(admin, owner, "token " + i, null).expect(200).field("id"));
        }
        api.createPat(admin, owner, "eleventh", null).expect(400);

        api.delete("/v3/personal-access-tokens/" + ids.get(0), admin).expect(204);
        api.createPat(admin, owner, "token 0", null).expect(200);
        api.createPat(admin, owner, "eleventh", null).expect(400);

        api.patch("/v3/personal-access-tokens/" + ids.get(1), admin, List.of(Map.of("op", "replace", "path",
                "/name", "value", "renamed"))).expect(200);
        api.patch("/v3/personal-access-tokens/" + ids.get(2), admin, List.of(Map.of("op", "replace", "path",
                "/name", "value", "token 1"))).expect(200);
        api.patch("/v3/personal-access-tokens/" + ids.get(3), admin, List.of(Map.of("op", "replace", "path",
                "/name", "value", "RENAMED"))).expect(409);
    }

    @Test
    void deletedTokenObtainsNoAccessTokenOnceTheDeleteAnswered() {
        String owner = api.createIdentity(admin, "Deleting owner", "USER");
        Api.Response pat = api.createPat(admin, owner, "short lived", null).expect(200);
        api.token(pat.field("id"), pat.field("secret"));

        api.delete("/v3/personal-access-tokens/" + pat.field("id"), admin).expect(204);

        assertThat(api.tokenRequest(pat.field("id"), pat.field("secret")).expect(401).field("error"))
                .isEqualTo("invalid_client");
        api.delete("/v3/personal-access-tokens/" + pat.field("id"), admin).expect(404);
    }

    @Test
    void ownerRenamesAndRescopesItsTokenWithAJsonPatch() {
        String owner = api.createIdentity(admin, "Renaming owner", "USER", "HELPDESK");
        Api.Response pat = api.createPat(admin, owner, "old name", List.of("sp:scopes:all")).expect(200);
        String ownToken = api.token(pat.field("id"), pat.field("secret"));

        Api.Response patched = api.patch("/v3/personal-access-tokens/" + pat.field("id"), ownToken, List.of(
                Map.of("op", "replace", "path", "/name", "value", "new name"),
                Map.of("op", "replace", "path", "/scope", "value", List.of("idn:identities:read")))).expect(200);

        assertThat(patched.field("name")).isEqualTo("new name");
        assertThat(patched.body().path("scope").toString()).isEqualTo("[\"idn:identities:read\"]");
        await().untilAsserted(() -> assertThat(listingOf(owner, "").get(0).path("name").asText()).isEqualTo("new name"));
    }

    @Test
    void lastUsedShowsInTheListingAndFilters() {
        String owner = api.createIdentity(admin, "Using owner", "USER");
        Api.Response used = api.createPat(admin, owner, "used", null).expect(200);
        Api.Response unused = api.createPat(admin, owner, "unused", null).expect(200);
        Instant before = Instant.now().minusSeconds(120);
        api.token(used.field("id"), used.field("secret"));

        await().untilAsserted(() -> {
            JsonNode neverUsed = listingOf(owner, "&filters=lastUsed%20isnull");
            assertThat(neverUsed).hasSize(1);
            assertThat(neverUsed.get(0).path("id").asText()).isEqualTo(unused.field("id"));
        });
        JsonNode usedRecently = listingOf(owner, "&filters=" + encode("lastUsed le \"" + Instant.now().plusSeconds(60) + "\""));
        assertThat(usedRecently).hasSize(1);
        assertThat(usedRecently.get(0).path("lastUsed").asText()).isNotBlank();
        assertThat(listingOf(owner, "&filters=" + encode("lastUsed le \"" + before + "\""))).isEmpty();
    }

    @Test
    void listingPagesWithLimitOffsetAndCount() {
        String owner = api.createIdentity(admin, "Paging owner", "USER");
        for (int i = 0; i < 3; i++) {
            api.createPat(admin, owner, "page " + i, null).expect(200);
        }
        await().untilAsserted(() -> assertThat(listingOf(owner, "")).hasSize(3));
        Api.Response page = api.get("/v3/personal-access-tokens?owner-id=" + owner + "&limit=2&offset=1&count=true",
                admin).expect(200);
        assertThat(page.body()).hasSize(2);
        assertThat(page.headers().firstValue("X-Total-Count")).hasValue("3");
        assertThat(page.body().get(0).path("name").asText()).isEqualTo("page 1");
    }

    private static String encode(String text) {
        return java.net.URLEncoder.encode(text, java.nio.charset.StandardCharsets.UTF_8);
    }
}
