package dev.idcred.launcher.tokens;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.SignedJWT;
import dev.idcred.launcher.support.Api;
import dev.idcred.launcher.support.RunningService;
import org.junit.jupiter.api.Test;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class TokenEndpointIT {

    private final Api api = RunningService.shared().api();

    @Test
    void clientCredentialsGrantAnswersASignedJwtThatThePublishedKeySetVerifies() throws Exception {
        Api.Response response = api.tokenRequest(RunningService.ADMIN_CLIENT_ID, RunningService.ADMIN_CLIENT_SECRET)
                .expect(200);
        assertThat(response.field("token_type")).isEqualTo("bearer");
        assertThat(response.body().path("expires_in").asInt()).isEqualTo(750);
        assertThat(response.field("jti")).isNotBlank();
        assertThat(response.field("scope")).contains("idn:oauth-clients:manage");
        assertThat(response.headers().firstValue("Cache-Control")).hasValueSatisfying(v -> assertThat(v).contains("no-store"));

        SignedJWT jwt = SignedJWT.parse(response.field("access_token"));
        JWKSet keys = JWKSet.parse(api.get("/oauth/jwks", null).expect(200).text());
        ECKey key = (ECKey) keys.getKeyByKeyId(jwt.getHeader().getKeyID());
        assertThat(jwt.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.ES256);
        assertThat(key.isPrivate()).isFalse();
        assertThat(jwt.verify(new ECDSAVerifier(key))).isTrue();
        assertThat(jwt.getJWTClaimsSet().getAudience()).containsExactly("credential-service-api");
        assertThat(jwt.getState()).isEqualTo(JWSObject.State.VERIFIED);
        assertThat(jwt.getJWTClaimsSet().getSubject()).isEqualTo(RunningService.ADMIN_CLIENT_ID);
        assertThat(jwt.getJWTClaimsSet().getJWTID()).isEqualTo(response.field("jti"));
    }

    @Test
    void multipartRequestAsTheOfficialSdkSendsItIsAccepted() {
        api.multipartTokenRequest(RunningService.ADMIN_CLIENT_ID, RunningService.ADMIN_CLIENT_SECRET).expect(200);
    }

    @Test
    void queryParametersAreAccepted() {
        String query = "grant_type=client_credentials&client_id=" + RunningService.ADMIN_CLIENT_ID + "&client_secret="
                + URLEncoder.encode(RunningService.ADMIN_CLIENT_SECRET, StandardCharsets.UTF_8);
        api.postRaw("/oauth/token?" + query, null, "application/x-www-form-urlencoded", "").expect(200);
    }

    @Test
    void httpBasicClientAuthenticationIsAccepted() {
        String basic = Base64.getEncoder().encodeToString((RunningService.ADMIN_CLIENT_ID + ":"
                + RunningService.ADMIN_CLIENT_SECRET).getBytes(StandardCharsets.UTF_8));
        var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create(api.base() + "/oauth/token"))
                .header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("grant_type=client_credentials"))
                .build();
        assertThat(send(request)).isEqualTo(200);
    }

    @Test
    void wrongSecretIsAnInvalidClient() {
        Api.Response response = api.tokenRequest(RunningService.ADMIN_CLIENT_ID, "not-the-secret").expect(401);
        assertThat(response.field("error")).isEqualTo("invalid_client");
        assertThat(response.text()).doesNotContain(RunningService.ADMIN_CLIENT_SECRET);
    }

    @Test
    void mistypedSecretIsRefusedByItsChecksumBeforeAnyLookup() {
        String admin = api.adminToken();
        String owner = api.createIdentity(admin, "Typist", "USER");
        Api.Response pat = api.createPat(admin, owner, "typed", null).expect(200);
        String secret = pat.field("secret");
        char last = secret.charAt(secret.length() - 1);
        String typo = secret.substring(0, secret.length() - 1) + (last == 'a' ? 'b' : 'a');
        double before = mistypedCount();

        assertThat(api.tokenRequest(pat.field("id"), typo).expect(401).field("error")).isEqualTo("invalid_client");

        assertThat(mistypedCount()).isEqualTo(before + 1);
        api.token(pat.field("id"), secret);
    }

    private double mistypedCount() {
        return api.get("/actuator/prometheus", api.adminToken()).expect(200).text().lines()
                .filter(line -> line.startsWith("credentials_tokens_mistyped_secrets_total"))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .findFirst().orElse(0);
    }

    @Test
    void unknownClientIsAnInvalidClient() {
        assertThat(api.tokenRequest("no-such-client", "x").expect(401).field("error")).isEqualTo("invalid_client");
    }

    @Test
    void unsupportedGrantTypeIsRefused() {
        assertThat(api.form("/oauth/token", Map.of("grant_type", "password", "username", "u", "password", "p"))
                .expect(400).field("error")).isEqualTo("unsupported_grant_type");
    }

    @Test
    void missingGrantTypeIsAnInvalidRequest() {
        assertThat(api.form("/oauth/token", Map.of("client_id", "x")).expect(400).field("error"))
                .isEqualTo("invalid_request");
    }

    private static int send(java.net.http.HttpRequest request) {
        try {
            return java.net.http.HttpClient.newHttpClient()
                    .send(request, java.net.http.HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
