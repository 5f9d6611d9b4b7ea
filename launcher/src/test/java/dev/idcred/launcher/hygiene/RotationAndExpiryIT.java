package dev.idcred.launcher.hygiene;

import com.fasterxml.jackson.databind.JsonNode;
import dev.idcred.launcher.support.Api;
import dev.idcred.launcher.support.RunningService;
import dev.idcred.shared.credential.CredentialExpired;
import dev.idcred.shared.credential.CredentialExpiringSoon;
import dev.idcred.shared.credential.SecretRotated;
import org.junit.jupiter.api.Test;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 14, rotation and expiry: both secrets work inside the grace period and only the new one after; a credential
 * stops at its expiry (no token, and its tokens stop at the next call), is listed and filtered by it, and its
 * expiry is warned of and noted once each.
 */
class RotationAndExpiryIT {

    private final Api api = RunningService.shared().api();
    private final String admin = api.adminToken();

    @Test
    void bothSecretsWorkInsideTheGraceAndOnlyTheNewOneAfterIt() {
        Api.Response client = api.post("/v3/oauth-clients", admin, Api.clientBody("rotated")).expect(200);
        String id = client.field("id");
        String oldSecret = client.field("secret");

        Api.Response rotated = api.post("/v3/oauth-clients/" + id + "/secret", admin,
                Map.of("gracePeriodSeconds", 3)).expect(200);
        String newSecret = rotated.field("secret");
        assertThat(newSecret).startsWith("idcs_").isNotEqualTo(oldSecret);
        assertThat(rotated.body().path("secretVersion").asInt()).isEqualTo(2);

        api.tokenRequest(id, oldSecret).expect(200);
        api.tokenRequest(id, newSecret).expect(200);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> api.tokenRequest(id, oldSecret).expect(401));
        api.tokenRequest(id, newSecret).expect(200);

        await().untilAsserted(() -> {
            JsonNode versions = api.get("/v3/oauth-clients/" + id + "/secrets", admin).expect(200).body()
                    .path("secrets");
            assertThat(versions).hasSize(2);
            assertThat(versions.get(0).path("version").asInt()).isEqualTo(2);
            assertThat(versions.get(0).path("current").asBoolean()).isTrue();
            assertThat(versions.get(1).path("expiresAt").asText()).isNotEmpty();
            assertThat(versions.toString()).doesNotContain("hmac").doesNotContain("hash");
        });
        assertThat(trail(id)).contains("SecretRotated");
    }

    @Test
    void aPatRotatesForItsOwnerAndAGraceOfZeroEndsTheOldSecretAtOnce() {
        String owner = api.createIdentity(admin, "Rotating owner", "USER");
        Api.Response pat = api.createPat(admin, owner, "rotating", null).expect(200);
        String id = pat.field("id");

        Api.Response rotated = api.post("/v3/personal-access-tokens/" + id + "/secret", admin,
                Map.of("gracePeriodSeconds", 0)).expect(200);

        api.tokenRequest(id, pat.field("secret")).expect(401);
        api.tokenRequest(id, rotated.field("secret")).expect(200);
        api.post("/v3/personal-access-tokens/" + id + "/secret", admin, Map.of("gracePeriodSeconds", 604_801))
                .expect(400);
    }

    @Test
    void aCredentialStopsAtItsExpiryAndItsTokensStopAtTheNextCall() {
        String owner = api.createIdentity(admin, "Expiring owner", "USER", "ORG_ADMIN");
        Instant expiry = Instant.now().plusSeconds(4);
        Api.Response pat = api.post("/v3/personal-access-tokens", admin, Map.of("name", "short-lived",
                "ownerId", owner, "scope", List.of("sp:scopes:all"), "expiresAt", expiry.toString())).expect(200);
        String id = pat.field("id");
        assertThat(Instant.parse(pat.field("expiresAt"))).isEqualTo(expiry.truncatedTo(java.time.temporal.ChronoUnit.MILLIS));
        String token = api.token(id, pat.field("secret"));
        api.get("/v3/identities", token).expect(200);

        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
            api.tokenRequest(id, pat.field("secret")).expect(401);
            api.get("/v3/identities", token).expect(401);
        });
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(trail(id)).contains("CredentialExpired"));
        assertThat(trail(id).stream().filter("CredentialExpired"::equals).count()).isEqualTo(1);

        String filter = URLEncoder.encode("expiresAt le \"" + expiry.plusSeconds(1) + "\"", StandardCharsets.UTF_8);
        await().untilAsserted(() -> assertThat(api.get("/v3/personal-access-tokens?owner-id=" + owner
                + "&filters=" + filter, admin).expect(200).body().findValuesAsText("id")).contains(id));
        String before = URLEncoder.encode("expiresAt le \"" + expiry.minusSeconds(60) + "\"", StandardCharsets.UTF_8);
        assertThat(api.get("/v3/personal-access-tokens?owner-id=" + owner + "&filters=" + before, admin)
                .expect(200).body().findValuesAsText("id")).doesNotContain(id);
    }

    @Test
    void aCredentialExpiringWithinTheWarningPeriodIsWarnedOnce() {
        var body = new java.util.LinkedHashMap<>(Api.clientBody("expiring soon"));
        body.put("expiresAt", Instant.now().plus(Duration.ofDays(3)).toString());
        String id = api.post("/v3/oauth-clients", admin, body).expect(200).field("id");

        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(trail(id))
                .contains("CredentialExpiringSoon"));
        // Through more than two check intervals, still one warning.
        await().during(Duration.ofSeconds(5)).atMost(Duration.ofSeconds(8)).until(() ->
                trail(id).stream().filter("CredentialExpiringSoon"::equals).count() == 1);
    }

    @Test
    void anExpiryInThePastIsRefused() {
        var body = new java.util.LinkedHashMap<>(Api.clientBody("already over"));
        body.put("expiresAt", Instant.now().minusSeconds(1).toString());
        api.post("/v3/oauth-clients", admin, body).expect(400);
    }

    private List<String> trail(String subjectId) {
        var types = new ArrayList<String>();
        api.get("/v3/audit-events?subjectId=" + subjectId, admin).expect(200).body()
                .forEach(entry -> types.add(entry.path("type").asText()));
        return types;
    }
}
