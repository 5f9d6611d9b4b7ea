package dev.idcred.launcher.hygiene;

import com.fasterxml.jackson.databind.JsonNode;
import dev.idcred.launcher.support.Api;
import dev.idcred.launcher.support.RunningService;
import dev.idcred.shared.credential.PersonalAccessTokenCreated;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 14, exposure and drift: after a scripted run of calls, the exposure report says what the credential could do
 * when (and why that changed), the tokens it obtained and where from, what was refused and what its tokens did; a
 * level change or a scope edit appends the rights it moved; a dry run tells the same without changing anything.
 */
class ExposureAndDriftIT {

    private static final List<String> HELPDESK_RIGHTS = List.of("idn:all-personal-access-tokens:read",
            "idn:auth-users:read", "idn:identities:read");

    private final Api api = RunningService.shared().api();
    private final String admin = api.adminToken();

    @Test
    void theExposureReportTellsWhatAPatCouldDoAndDidAfterAScriptedRun() {
        var identity = new LinkedHashMap<String, Object>();
        identity.put("name", "Exposed owner");
        identity.put("kind", "USER");
        identity.put("networkRules", Map.of("allowedCidrs", List.of("10.0.0.0/8")));
        String owner = api.post("/v3/identities", admin, identity).expect(200).field("id");
        Api.Response pat = api.createPat(admin, owner, "exposed", List.of("sp:scopes:all")).expect(200);
        String id = pat.field("id");
        Api office = api.withHeaders(Map.of("X-Forwarded-For", "10.1.2.3"));
        Api home = api.withHeaders(Map.of("X-Forwarded-For", "10.9.9.9"));
        Api elsewhere = api.withHeaders(Map.of("X-Forwarded-For", "203.0.113.5"));

        String token = office.token(id, pat.field("secret"));
        home.token(id, pat.field("secret"));
        office.token(id, pat.field("secret"));
        office.createPat(token, "me", "made by the exposed token", null).expect(200);
        elsewhere.get("/v3/personal-access-tokens?owner-id=me", token).expect(403);
        grant(owner, "HELPDESK");

        await().untilAsserted(() -> {
            JsonNode report = api.get("/v3/personal-access-tokens/" + id + "/exposure", admin).expect(200).body();
            assertThat(report.path("tokens").path("issued").asLong()).isEqualTo(3);
            assertThat(report.path("tokens").path("secretVersionsUsed").toString()).isEqualTo("[1]");
            assertThat(report.path("clients").findValuesAsText("address")).containsExactlyInAnyOrder("10.1.2.3",
                    "10.9.9.9");
            assertThat(report.path("refusals").path("total").asLong()).isGreaterThanOrEqualTo(1);
            assertThat(report.path("refusals").path("entries").get(0).path("details").path("clientAddress")
                    .asText()).isEqualTo("203.0.113.5");
            assertThat(report.path("actions").path("entries").findValuesAsText("type"))
                    .contains("PersonalAccessTokenCreated");
            JsonNode rights = report.path("rights");
            assertThat(rights.size()).isGreaterThanOrEqualTo(2);
            JsonNode last = rights.get(rights.size() - 1);
            assertThat(last.path("state").asText()).isEqualTo("ACTIVE");
            assertThat(last.path("cause").path("type").asText()).isEqualTo("UserLevelGranted");
            assertThat(strings(last.path("rights"))).containsAll(HELPDESK_RIGHTS);
            assertThat(strings(rights.get(0).path("rights"))).doesNotContainAnyElementsOf(HELPDESK_RIGHTS);
            assertThat(report.toString()).doesNotContain(pat.field("secret")).doesNotContain("hmac");
        });
        api.get("/v3/personal-access-tokens/" + id + "/exposure?from=2030-01-01T00:00:00Z&to=2029-01-01T00:00:00Z",
                admin).expect(400);
    }

    @Test
    void levelChangesAndScopeEditsAppendTheRightsTheyMoved() {
        String owner = api.createIdentity(admin, "Drifting owner", "USER");
        String id = api.createPat(admin, owner, "drifting", List.of("sp:scopes:all")).expect(200).field("id");

        grant(owner, "HELPDESK");
        JsonNode granted = lastDrift(id);
        assertThat(granted.path("details").path("cause").asText()).isEqualTo("LEVEL_GRANTED");
        assertThat(strings(granted.path("details").path("added"))).containsExactlyElementsOf(HELPDESK_RIGHTS);
        assertThat(granted.path("actorId").asText()).isEqualTo("bootstrap-admin");

        api.patch("/v3/personal-access-tokens/" + id, admin, List.of(Map.of("op", "replace", "path", "/scope",
                "value", List.of("idn:identities:read")))).expect(200);
        JsonNode narrowed = lastDrift(id);
        assertThat(narrowed.path("details").path("cause").asText()).isEqualTo("SCOPE_CHANGED");
        assertThat(strings(narrowed.path("details").path("removed")))
                .contains("idn:all-personal-access-tokens:read", "idn:auth-users:read");

        JsonNode gainedIdentitiesRead = api.get("/v3/audit-events?type=EffectiveRightsChanged", admin).expect(200)
                .body();
        assertThat(gainedIdentitiesRead.findValuesAsText("subjectId")).contains(id);
    }

    @Test
    void aDryRunTellsWhoWouldGainOrLoseWhatAndChangesNothing() {
        String owner = api.createIdentity(admin, "Simulated owner", "USER", "HELPDESK");
        String wide = api.createPat(admin, owner, "wide", List.of("sp:scopes:all")).expect(200).field("id");
        String narrow = api.createPat(admin, owner, "narrow", List.of("idn:sources:read")).expect(200).field("id");
        int eventsBefore = api.get("/v3/audit-events?subjectId=" + owner, admin).expect(200).body().size();

        JsonNode simulation = api.post("/v3/auth-users/" + owner + "/capabilities/simulation", admin,
                Map.of("capabilities", List.of("ROLE_SUBADMIN"))).expect(200).body();

        JsonNode changes = simulation.path("credentials");
        assertThat(changes.findValuesAsText("credentialId")).containsExactly(wide);
        assertThat(strings(changes.get(0).path("added"))).containsExactly("idn:access-profiles:read",
                "idn:roles:read");
        assertThat(strings(changes.get(0).path("removed"))).containsExactlyElementsOf(HELPDESK_RIGHTS);
        assertThat(changes.findValuesAsText("credentialId")).doesNotContain(narrow);
        assertThat(api.get("/v3/auth-users/" + owner, admin).expect(200).body().path("capabilities").toString())
                .isEqualTo("[\"HELPDESK\"]");
        assertThat(api.get("/v3/audit-events?subjectId=" + owner, admin).expect(200).body().size())
                .isEqualTo(eventsBefore);
        api.post("/v3/auth-users/" + owner + "/capabilities/simulation", admin,
                Map.of("capabilities", List.of("NO_SUCH_LEVEL"))).expect(400);
    }

    @Test
    void whoseTokensACallerSeesIsThePolicysAnswerAndAnotherOwnersTokenIsNotFound() {
        String person = api.createIdentity(admin, "Own tokens only", "USER");
        Api.Response own = api.createPat(admin, person, "own", List.of("sp:scopes:all")).expect(200);
        String token = api.token(own.field("id"), own.field("secret"));
        String other = api.createIdentity(admin, "Someone else", "USER");
        String theirs = api.createPat(admin, other, "theirs", null).expect(200).field("id");

        for (String path : List.of("/effective-scope", "/secrets", "/exposure")) {
            api.get("/v3/personal-access-tokens/" + own.field("id") + path, token).expect(200);
            api.get("/v3/personal-access-tokens/" + theirs + path, token).expect(404);
        }
        api.get("/v3/personal-access-tokens?owner-id=me", token).expect(200);
        api.get("/v3/personal-access-tokens?owner-id=" + other, token).expect(403);
        api.get("/v3/personal-access-tokens", token).expect(403);

        grant(person, "REPORT_ADMIN");
        String auditor = api.token(own.field("id"), own.field("secret"));
        api.get("/v3/personal-access-tokens/" + theirs + "/exposure", auditor).expect(200);
        api.get("/v3/personal-access-tokens/" + theirs + "/secrets", auditor).expect(404);
        grant(person, "HELPDESK");
        String helpdesk = api.token(own.field("id"), own.field("secret"));
        api.get("/v3/personal-access-tokens/" + theirs + "/secrets", helpdesk).expect(200);
        api.get("/v3/personal-access-tokens?owner-id=" + other, helpdesk).expect(200);
    }

    private void grant(String owner, String level) {
        api.patch("/v3/auth-users/" + owner, admin, List.of(Map.of("op", "add", "path", "/capabilities/-",
                "value", level))).expect(200);
    }

    private JsonNode lastDrift(String credentialId) {
        JsonNode entries = api.get("/v3/audit-events?type=EffectiveRightsChanged&subjectId=" + credentialId, admin)
                .expect(200).body();
        assertThat(entries.size()).isPositive();
        return entries.get(entries.size() - 1);
    }

    private static List<String> strings(JsonNode array) {
        var values = new ArrayList<String>();
        array.forEach(value -> values.add(value.asText()));
        return values;
    }
}
