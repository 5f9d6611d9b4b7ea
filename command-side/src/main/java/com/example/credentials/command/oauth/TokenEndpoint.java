package com.example.credentials.command.oauth;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

/**
 * {@code POST /oauth/token} (RFC 6749): parameters as a form, as multipart (the official SDK's way) or in the
 * query; client authentication in the parameters or as HTTP Basic. Also publishes the token-signing key set.
 */
@RestController
class TokenEndpoint {

    private final TokenService tokens;
    private final Map<String, Object> publicKeys;
    private final MeterRegistry meters;

    TokenEndpoint(TokenService tokens, RSAKey signingKey, MeterRegistry meters) {
        this.tokens = tokens;
        this.meters = meters;
        this.publicKeys = new JWKSet(signingKey.toPublicJWK()).toJSONObject();
    }

    /** The RFC 6749 token response. */
    record TokenResponse(@JsonProperty("access_token") String accessToken,
                         @JsonProperty("token_type") String tokenType,
                         @JsonProperty("expires_in") long expiresIn, String scope, String jti) {
    }

    @PostMapping(value = "/oauth/token", consumes = {MediaType.APPLICATION_FORM_URLENCODED_VALUE,
            MediaType.MULTIPART_FORM_DATA_VALUE, MediaType.ALL_VALUE})
    ResponseEntity<TokenResponse> token(@RequestParam Map<String, String> parameters,
                                              @RequestHeader(value = HttpHeaders.AUTHORIZATION, required = false)
                                              String authorization) {
        String grantType = parameters.get("grant_type");
        if (grantType == null || grantType.isBlank()) {
            throw new TokenRequestRefused(400, "invalid_request", "grant_type is required");
        }
        if (!"client_credentials".equals(grantType)) {
            throw new TokenRequestRefused(400, "unsupported_grant_type", "Supported: client_credentials");
        }
        String[] basic = basicCredentials(authorization);
        String clientId = basic != null ? basic[0] : parameters.get("client_id");
        String clientSecret = basic != null ? basic[1] : parameters.get("client_secret");
        TokenService.AccessToken token = tokens.clientCredentials(clientId, clientSecret);
        var body = new TokenResponse(token.value(), "bearer", token.expiresIn(), token.scope(), token.jti());
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).header("Pragma", "no-cache").body(body);
    }

    @GetMapping({"/oauth/jwks", "/.well-known/jwks.json"})
    Map<String, Object> keySet() {
        return publicKeys;
    }

    @ExceptionHandler(TokenRequestRefused.class)
    ResponseEntity<Map<String, String>> refused(TokenRequestRefused e) {
        meters.counter("credentials.tokens.refused", "error", e.error()).increment();
        var response = ResponseEntity.status(e.status()).cacheControl(CacheControl.noStore());
        if (e.status() == 401) {
            response.header(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"oauth\"");
        }
        return response.body(Map.of("error", e.error(), "error_description", e.getMessage()));
    }

    private static String[] basicCredentials(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            return null;
        }
        try {
            String decoded = new String(Base64.getDecoder().decode(authorization.substring(6).trim()),
                    StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            if (colon < 0) {
                throw TokenRequestRefused.invalidClient();
            }
            return new String[]{decoded.substring(0, colon), decoded.substring(colon + 1)};
        } catch (IllegalArgumentException e) {
            throw TokenRequestRefused.invalidClient();
        }
    }
}
