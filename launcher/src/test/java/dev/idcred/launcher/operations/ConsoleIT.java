package dev.idcred.launcher.operations;

import dev.idcred.launcher.support.Api;
import dev.idcred.launcher.support.RunningService;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The console's security as a browser meets it (the pages themselves are driven in Chromium by e2e/console.test.js):
 * nothing from elsewhere may load, forms need their CSRF token, the session cookie is HttpOnly and SameSite=Strict and
 * changes at sign-in, the access token never reaches the browser, and sign-out ends the session.
 */
class ConsoleIT {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private final String base = RunningService.shared().api().base();
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @Test
    void theSignInPageAllowsNothingFromElsewhereAndFormsNeedTheirCsrfToken() throws Exception {
        HttpResponse<String> signIn = get("/console/sign-in", null);
        assertThat(signIn.statusCode()).isEqualTo(200);
        assertThat(signIn.headers().firstValue("Content-Security-Policy").orElseThrow())
                .contains("default-src 'self'", "script-src 'self'", "frame-ancestors 'none'");
        assertThat(signIn.headers().firstValue("X-Frame-Options")).contains("DENY");
        assertThat(signIn.headers().firstValue("Cache-Control").orElseThrow()).contains("no-store");
        assertThat(signIn.body()).doesNotContain("http://", "https://");

        HttpResponse<String> forged = post("/console/sign-in", sessionOf(signIn), "clientId="
                + RunningService.ADMIN_CLIENT_ID + "&clientSecret=" + RunningService.ADMIN_CLIENT_SECRET);
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(get("/console/api-clients", null).headers().firstValue("Location").orElseThrow())
                .endsWith("/console/sign-in");
    }

    @Test
    void signingInKeepsTheTokenOnTheServerInAFreshHttpOnlyStrictSession() throws Exception {
        HttpResponse<String> signIn = get("/console/sign-in", null);
        String before = sessionOf(signIn);
        String setCookie = signIn.headers().firstValue("Set-Cookie").orElseThrow();
        assertThat(setCookie).contains("HttpOnly", "SameSite=Strict", "Path=/console");

        HttpResponse<String> signedIn = post("/console/sign-in", before, "clientId="
                + RunningService.ADMIN_CLIENT_ID + "&clientSecret=" + encode(RunningService.ADMIN_CLIENT_SECRET)
                + "&_csrf=" + csrfOf(signIn.body()));
        assertThat(signedIn.statusCode()).isEqualTo(302);
        assertThat(signedIn.headers().firstValue("Location").orElseThrow()).endsWith("/console");
        String after = sessionOf(signedIn);
        assertThat(after).as("a new session id at sign-in").isNotEqualTo(before);

        HttpResponse<String> page = get("/console/api-clients", after);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("API Management").doesNotContain("eyJ")
                .doesNotContain(RunningService.ADMIN_CLIENT_SECRET);

        assertThat(post("/console/sign-out", after, "").statusCode()).as("sign-out needs its CSRF token too")
                .isEqualTo(403);
        HttpResponse<String> signedOut = post("/console/sign-out", after, "_csrf=" + csrfOf(page.body()));
        assertThat(signedOut.headers().firstValue("Location").orElseThrow()).contains("/console/sign-in?signedOut");
        assertThat(get("/console/api-clients", after).headers().firstValue("Location").orElseThrow())
                .endsWith("/console/sign-in");
    }

    @Test
    void aWrongSecretSaysSoInWordsAndSignsNothingIn() throws Exception {
        HttpResponse<String> signIn = get("/console/sign-in", null);
        String session = sessionOf(signIn);
        HttpResponse<String> refused = post("/console/sign-in", session, "clientId="
                + RunningService.ADMIN_CLIENT_ID + "&clientSecret=wrong&_csrf=" + csrfOf(signIn.body()));
        assertThat(refused.headers().firstValue("Location").orElseThrow()).endsWith("/console/sign-in?failed");
        assertThat(get("/console/sign-in?failed", session).body()).contains("do not sign in");
    }

    @Test
    void aCredentialDeletedWhileSignedInSignsTheConsoleOutOnItsNextPage() throws Exception {
        Api api = RunningService.shared().api();
        String admin = api.adminToken();
        Api.Response client = api.post("/v3/oauth-clients", admin, Api.clientBody("console session")).expect(200);
        HttpResponse<String> signIn = get("/console/sign-in", null);
        HttpResponse<String> signedIn = post("/console/sign-in", sessionOf(signIn), "clientId="
                + client.field("id") + "&clientSecret=" + encode(client.field("secret")) + "&_csrf="
                + csrfOf(signIn.body()));
        String session = sessionOf(signedIn);
        assertThat(get("/console/identities", session).statusCode()).isEqualTo(200);

        api.delete("/v3/oauth-clients/" + client.field("id"), admin).expect(204);
        HttpResponse<String> next = get("/console/identities", session);
        assertThat(next.headers().firstValue("Location").orElseThrow()).endsWith("/console/sign-in?expired");
        assertThat(get("/console/identities", session).headers().firstValue("Location").orElseThrow())
                .as("the session is over").endsWith("/console/sign-in");
    }

    private HttpResponse<String> get(String path, String session) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).GET();
        if (session != null) {
            request.header("Cookie", session);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String session, String form)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form));
        if (session != null) {
            request.header("Cookie", session);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The session cookie a response set, as a Cookie header; the one sent if it set none. */
    private static String sessionOf(HttpResponse<String> response) {
        List<String> cookies = response.headers().allValues("Set-Cookie");
        return cookies.stream().filter(c -> c.startsWith("IDCRED_CONSOLE=")).map(c -> c.split(";", 2)[0])
                .findFirst().orElseGet(() -> response.request().headers().firstValue("Cookie").orElse(null));
    }

    private static String csrfOf(String html) {
        Matcher matcher = CSRF.matcher(html);
        assertThat(matcher.find()).as("a CSRF token in the page").isTrue();
        return encode(matcher.group(1));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
