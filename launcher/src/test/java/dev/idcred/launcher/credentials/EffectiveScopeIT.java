package dev.idcred.launcher.credentials;

import com.fasterxml.jackson.databind.JsonNode;
import dev.idcred.launcher.support.Api;
import dev.idcred.launcher.support.RunningService;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Effective rights = scope ∩ rights(owner's levels), now and at any past instant. */
class EffectiveScopeIT {

    private final Api api = RunningService.shared().api();
    private final String admin = api.adminToken();

    private JsonNode effective(String path, String id, String at) {
        return api.get(path + id + "/effective-scope" + (at == null ? "" : "?at=" + at), admin).expect(200).body();
    }

    private static List<String> rights(JsonNode view) {
        return Api.JSON.convertValue(view.path("rights"), List.class);
    }

    private void grant(String identityId, String level) {
        api.patch("/v3/auth-users/" + identityId, admin, List.of(Map.of("op", "add", "path", "/capabilities/-",
                "value", level))).expect(200);
    }

    private void revoke(String identityId, String level) {
        api.patch("/v3/auth-users/" + identityId, admin, List.of(Map.of("op", "replace", "path", "/capabilities",
                "value", List.of()))).expect(200);
    }

    @Test
    void levelGrantAndRevocationPropagateToEveryCredentialOfTheOwner() {
        String owner = api.createIdentity(admin, "Propagation owner", "USER");
        String all = api.createPat(admin, owner, "all", List.of("sp:scopes:all")).expect(200).field("id");
        String narrow = api.createPat(admin, owner, "narrow", List.of("idn:identities:read", "idn:roles:read"))
                .expect(200).field("id");
        String path = "/v3/personal-access-tokens/";

        grant(owner, "HELPDESK");
        await().untilAsserted(() -> {
            assertThat(rights(effective(path, all, null))).contains("idn:identities:read", "idn:auth-users:read");
            assertThat(rights(effective(path, narrow, null))).containsExactly("idn:identities:read");
        });

        revoke(owner, "HELPDESK");
        await().untilAsserted(() -> {
            assertThat(rights(effective(path, all, null))).doesNotContain("idn:identities:read");
            assertThat(rights(effective(path, narrow, null))).isEmpty();
        });
    }

    @Test
    void aDisabledApiClientHasNoRightsNowNorAtInstantsWhileItWasDisabled() throws InterruptedException {
        Api.Response client = api.post("/v3/oauth-clients", admin, Api.clientBody("switched off")).expect(200);
        String path = "/v3/oauth-clients/";
        String id = client.field("id");
        await().untilAsserted(() -> assertThat(rights(effective(path, id, null))).containsExactly("idn:identities:read"));
        Thread.sleep(5);
        Instant whileEnabled = Instant.now();
        Thread.sleep(5);
        api.patch(path + id, admin, List.of(Map.of("op", "replace", "path", "/enabled", "value", false))).expect(200);
        Thread.sleep(5);
        Instant whileDisabled = Instant.now();

        await().untilAsserted(() -> assertThat(effective(path, id, null).path("state").asText()).isEqualTo("DISABLED"));
        assertThat(rights(effective(path, id, null))).isEmpty();
        JsonNode then = effective(path, id, whileDisabled.toString());
        assertThat(then.path("state").asText()).isEqualTo("DISABLED");
        assertThat(rights(then)).isEmpty();
        assertThat(rights(effective(path, id, whileEnabled.toString()))).containsExactly("idn:identities:read");
    }

    @Test
    void apiClientScopeChangeIsRecomputed() {
        Api.Response client = api.post("/v3/oauth-clients", admin, Api.clientBody("rescoped")).expect(200);
        String path = "/v3/oauth-clients/";
        await().untilAsserted(() -> assertThat(rights(effective(path, client.field("id"), null)))
                .containsExactly("idn:identities:read"));
        api.patch(path + client.field("id"), admin, List.of(Map.of("op", "replace", "path", "/scope",
                "value", List.of("idn:audit:read")))).expect(200);
        await().untilAsserted(() -> assertThat(rights(effective(path, client.field("id"), null)))
                .containsExactly("idn:audit:read"));
    }

    @Test
    void pointInTimeAnswersComeFromTheLogAroundEachChange() throws InterruptedException {
        String owner = api.createIdentity(admin, "Time traveller", "USER");
        Instant beforeCreation = Instant.now();
        Thread.sleep(5);
        Api.Response pat = api.createPat(admin, owner, "travelling", List.of("sp:scopes:all")).expect(200);
        String id = pat.field("id");
        Instant created = Instant.parse(pat.field("created"));
        Thread.sleep(5);
        Instant afterCreation = Instant.now();
        Thread.sleep(5);
        grant(owner, "REPORT_ADMIN");
        Thread.sleep(5);
        Instant afterGrant = Instant.now();
        Thread.sleep(5);
        api.delete("/v3/personal-access-tokens/" + id, admin).expect(204);
        Thread.sleep(5);
        Instant afterDeletion = Instant.now();
        String path = "/v3/personal-access-tokens/";

        JsonNode before = effective(path, id, beforeCreation.toString());
        assertThat(before.path("state").asText()).isEqualTo("NOT_YET_CREATED");
        assertThat(rights(before)).isEmpty();

        assertThat(effective(path, id, created.toString()).path("state").asText()).isEqualTo("ACTIVE");
        assertThat(rights(effective(path, id, afterCreation.toString())))
                .containsExactly("idn:my-account:manage", "idn:my-account:read", "idn:my-personal-access-tokens:manage",
                        "idn:my-personal-access-tokens:read");
        assertThat(rights(effective(path, id, afterGrant.toString())))
                .contains("idn:audit:read", "idn:reports:read");

        JsonNode deleted = effective(path, id, afterDeletion.toString());
        assertThat(deleted.path("state").asText()).isEqualTo("DELETED");
        assertThat(rights(deleted)).isEmpty();
    }

    @Test
    void anotherIdentitysTokenIsHiddenFromACallerWhoReadsOnlyItsOwn() {
        String owner = api.createIdentity(admin, "Nosy", "USER");
        Api.Response own = api.createPat(admin, owner, "mine", List.of("sp:scopes:all")).expect(200);
        String ownToken = api.token(own.field("id"), own.field("secret"));
        Api.Response adminPat = api.post("/v3/personal-access-tokens", admin, Map.of("name", "admin's " + owner))
                .expect(200);
        await().untilAsserted(() -> api.get("/v3/personal-access-tokens/" + own.field("id") + "/effective-scope",
                ownToken).expect(200));
        api.get("/v3/personal-access-tokens/" + adminPat.field("id") + "/effective-scope", ownToken).expect(404);
    }

    @Test
    void instantThatIsNotIsoIsRefused() {
        api.get("/v3/oauth-clients/x/effective-scope?at=yesterday", admin).expect(400);
    }
}
