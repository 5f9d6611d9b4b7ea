package dev.idcred.launcher.people;

import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.MongoDatabase;
import dev.idcred.launcher.support.Api;
import dev.idcred.launcher.support.Pages;
import dev.idcred.launcher.support.RunningService;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 18: a person signs in and an application acts for them. What proves who someone is (a password, an
 * invitation's link, a session id, an authorization code, a refresh token) appears once, where it is issued: never in
 * the event log, the read models or the service's log. And hostile authorization requests get a refusal, never a 5xx
 * and never a redirect to an unregistered place.
 */
class PeopleSignInIT {

    private static final RunningService SERVICE = RunningService.shared();
    private static final String REDIRECT = "https://app.example/callback";
    private final Api api = SERVICE.api();
    private final String admin = api.adminToken();

    @Test
    void noPasswordCodeInvitationOrSessionIdIsKeptAnywhereButWhereItWasIssued() throws Exception {
        String username = "secretive." + ThreadLocalRandom.current().nextInt(1_000_000);
        String id = api.post("/v3/identities", admin, Map.of("name", "Secretive person", "username", username,
                "kind", "USER")).expect(200).field("id");
        String invitation = api.post("/v3/identities/" + id + "/invitations", admin, Map.of()).expect(201)
                .field("url");
        String invitationToken = URLDecoder.decode(invitation.substring(invitation.indexOf("token=") + 6),
                StandardCharsets.UTF_8);
        String password = "quiet harbour lamp " + ThreadLocalRandom.current().nextInt(1_000_000);
        var browser = new Pages(api.base());
        Pages.Page form = browser.get(invitation);
        assertThat(browser.submit(form, invitation.substring(0, invitation.indexOf('?')),
                Map.of("password", password, "confirmation", password)).status())
                .isEqualTo(200);

        JsonNode app = api.post("/v3/oauth-clients", admin, Map.of("name", "Secretive app", "description", "test",
                "accessTokenValiditySeconds", 900, "accessType", "OFFLINE", "enabled", true,
                "grantTypes", List.of("AUTHORIZATION_CODE", "REFRESH_TOKEN"), "redirectUris", List.of(REDIRECT),
                "scope", List.of("idn:my-account:read"))).expect(200).body();
        String verifier = Base64.getUrlEncoder().withoutPadding().encodeToString(
                ("verifier-" + System.nanoTime() + "-0123456789abcdefghij").getBytes(StandardCharsets.US_ASCII));
        String challenge = Base64.getUrlEncoder().withoutPadding().encodeToString(
                MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        String authorize = "/oauth/authorize?response_type=code&client_id=" + app.path("id").asText()
                + "&redirect_uri=" + REDIRECT + "&scope=idn:my-account:read&state=st&code_challenge=" + challenge
                + "&code_challenge_method=S256";
        Pages.Page toSignIn = browser.get(authorize);
        assertThat(toSignIn.status()).isEqualTo(302);
        Pages.Page signInForm = browser.get(toSignIn.location());
        Pages.Page signedIn = browser.submit(signInForm, "/signin", Map.of("username", username, "password", password));
        assertThat(signedIn.status()).isEqualTo(302);
        String sessionId = browser.cookies.get("IDCRED_SESSION");
        Pages.Page consent = browser.get(signedIn.location());
        assertThat(consent.body()).contains("name=\"decision\"");
        Pages.Page back = browser.submit(consent, "/oauth/authorize", Map.of("decision", "approve"));
        assertThat(back.location()).startsWith(REDIRECT + "?");
        String code = query(back.location(), "code");
        Api.Response tokens = api.form("/oauth/token", Map.of("grant_type", "authorization_code", "code", code,
                "redirect_uri", REDIRECT, "code_verifier", verifier, "client_id", app.path("id").asText(),
                "client_secret", app.path("secret").asText())).expect(200);
        String refreshToken = tokens.field("refresh_token");

        List<String> secrets = List.of(password, invitationToken, sessionId, code, refreshToken,
                browser.cookies.get("IDCRED_CSRF"));
        assertThat(secrets).doesNotContainNull();
        JdbcTemplate jdbc = SERVICE.bean(JdbcTemplate.class);
        List<String> payloads = jdbc.queryForList("select convert_from(payload, 'UTF8') || ' '"
                + " || coalesce(convert_from(metaData, 'UTF8'), '') from domainEventEntry", String.class);
        MongoDatabase views = SERVICE.bean(MongoDatabase.class);
        List<String> documents = new ArrayList<>();
        for (String collection : views.listCollectionNames()) {
            for (Document document : views.getCollection(collection).find()) {
                documents.add(document.toJson());
            }
        }
        String logs = RunningService.logsOfThisRun();
        for (String secret : secrets) {
            assertThat(payloads).noneMatch(payload -> payload.contains(secret));
            assertThat(documents).noneMatch(document -> document.contains(secret));
            assertThat(logs).doesNotContain(secret);
        }
        assertThat(jdbc.queryForObject("select count(*) from identity_password where password_hash like '$2%'",
                Integer.class)).isPositive();
    }

    @Test
    void hostileAuthorizationRequestsAreRefusedWithoutA5xxOrARedirectElsewhere() {
        JsonNode app = api.post("/v3/oauth-clients", admin, Map.of("name", "Target app", "description", "test",
                "accessTokenValiditySeconds", 900, "accessType", "OFFLINE", "enabled", true,
                "grantTypes", List.of("AUTHORIZATION_CODE"), "redirectUris", List.of(REDIRECT),
                "scope", List.of("idn:my-account:read"))).expect(200).body();
        String client = app.path("id").asText();
        var browser = new Pages(api.base());
        List<String> hostile = List.of(
                "/oauth/authorize?response_type=code&client_id=" + client + "&redirect_uri=https://evil.example/cb",
                "/oauth/authorize?response_type=code&client_id=" + client + "&redirect_uri=" + REDIRECT + "/x",
                "/oauth/authorize?response_type=code&client_id=" + client + "&redirect_uri=" + REDIRECT + "%3Fa%3D1",
                "/oauth/authorize?response_type=code&client_id=" + client + "&redirect_uri=javascript:alert(1)",
                "/oauth/authorize?response_type=code&client_id=" + client + "&client_id=" + client
                        + "&redirect_uri=" + REDIRECT,
                "/oauth/authorize?response_type=code&client_id=" + client + "&redirect_uri=" + REDIRECT
                        + "&state=" + "s".repeat(5000),
                "/oauth/authorize?response_type=code&client_id=%00%ff&redirect_uri=" + REDIRECT,
                "/oauth/authorize");
        for (String request : hostile) {
            Pages.Page answer = browser.get(request);
            assertThat(answer.status()).as(request).isBetween(400, 499);
            assertThat(answer.location()).as(request).isNull();
        }
        for (String field : List.of("code", "redirect_uri", "code_verifier")) {
            Api.Response refused = api.form("/oauth/token", Map.of("grant_type", "authorization_code",
                    "client_id", client, "client_secret", app.path("secret").asText(),
                    field, "x".repeat(10_000)));
            assertThat(refused.status()).as(field).isBetween(400, 499);
        }
        Api.Response unauthenticated = api.form("/oauth/token", Map.of("grant_type", "authorization_code",
                "client_id", client, "code", "guess", "redirect_uri", REDIRECT, "code_verifier", "v".repeat(43)));
        assertThat(unauthenticated.status()).as("a confidential client without its secret").isEqualTo(401);
        Pages.Page forged = new Pages(api.base()).post("/oauth/authorize", Map.of("response_type", "code",
                "client_id", client, "redirect_uri", REDIRECT, "code_challenge", "a".repeat(43),
                "code_challenge_method", "S256", "decision", "approve", "csrf", "x".repeat(43)));
        assertThat(forged.status()).isEqualTo(403);
        assertThat(forged.location()).isNull();
    }

    private static String query(String url, String name) {
        for (String pair : URI.create(url).getRawQuery().split("&")) {
            if (pair.startsWith(name + "=")) {
                return URLDecoder.decode(pair.substring(name.length() + 1), StandardCharsets.UTF_8);
            }
        }
        throw new AssertionError(name + " not in " + url);
    }
}
