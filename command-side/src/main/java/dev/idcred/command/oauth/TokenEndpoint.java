package dev.idcred.command.oauth;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import dev.idcred.access.http.ErrorResponses;
import dev.idcred.access.network.ClientOrigins;
import dev.idcred.command.secret.KeyMaterial;
import dev.idcred.shared.common.ErrorCode;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.http.HttpServletRequest;
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

import java.util.Map;

/**
 * {@code POST /oauth/token} (RFC 6749: client credentials and refresh token grants), {@code POST /oauth/introspect}
 * (RFC 7662) and {@code POST /oauth/revoke} (RFC 7009): parameters as a form, as multipart (the official SDK's way)
 * or in the query; client authentication in the parameters or as HTTP Basic, not both. Also publishes the public
 * halves of the token-signing keys.
 */
@RestController
class TokenEndpoint {

    private final TokenService tokens;
    private final TokenInspection inspection;
    private final ClientOrigins origins;
    private final Map<String, Object> publicKeys;
    private final MeterRegistry meters;

    TokenEndpoint(TokenService tokens, TokenInspection inspection, ClientOrigins origins,
                  KeyMaterial.SigningKeys keys, MeterRegistry meters) {
        this.tokens = tokens;
        this.inspection = inspection;
        this.origins = origins;
        this.meters = meters;
        this.publicKeys = new JWKSet(keys.all().stream().map(JWK::toPublicJWK).toList()).toJSONObject();
    }

    /** The RFC 6749 token response. */
    record TokenResponse(@JsonProperty("access_token") String accessToken,
                         @JsonProperty("token_type") String tokenType,
                         @JsonProperty("expires_in") long expiresIn, String scope, String jti,
                         @JsonProperty("refresh_token") @JsonInclude(JsonInclude.Include.NON_NULL)
                         String refreshToken,
                         @JsonProperty("id_token") @JsonInclude(JsonInclude.Include.NON_NULL) String idToken) {
    }

    @PostMapping(value = "/oauth/token", consumes = {MediaType.APPLICATION_FORM_URLENCODED_VALUE,
            MediaType.MULTIPART_FORM_DATA_VALUE, MediaType.ALL_VALUE})
    ResponseEntity<TokenResponse> token(@RequestParam Map<String, String> parameters,
                                        @RequestHeader(value = HttpHeaders.AUTHORIZATION, required = false)
                                        String authorization, HttpServletRequest request) {
        String grantType = parameters.get("grant_type");
        if (grantType == null || grantType.isBlank()) {
            throw new TokenRequestRefused(400, "invalid_request", "grant_type is required");
        }
        ClientCredentials client = ClientCredentials.of(parameters, authorization);
        TokenService.AccessToken token = switch (grantType) {
            case "client_credentials" -> tokens.clientCredentials(client, origins.of(request));
            case "refresh_token" -> tokens.refresh(client, parameters.get("refresh_token"), origins.of(request));
            case "authorization_code" -> tokens.authorizationCode(client, parameters.get("code"),
                    parameters.get("redirect_uri"), parameters.get("code_verifier"), origins.of(request));
            default -> throw new TokenRequestRefused(400, "unsupported_grant_type",
                    "Supported: authorization_code, client_credentials, refresh_token");
        };
        var body = new TokenResponse(token.value(), "bearer", token.expiresIn(), token.scope(), token.jti(),
                token.refreshToken(), token.idToken());
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).header("Pragma", "no-cache").body(body);
    }

    /** RFC 7662 token introspection, for resource servers holding the client credentials of a live credential. */
    @PostMapping(value = "/oauth/introspect", consumes = {MediaType.APPLICATION_FORM_URLENCODED_VALUE,
            MediaType.MULTIPART_FORM_DATA_VALUE, MediaType.ALL_VALUE})
    ResponseEntity<Introspection> introspect(@RequestParam Map<String, String> parameters,
                                             @RequestHeader(value = HttpHeaders.AUTHORIZATION,
                                                     required = false) String authorization,
                                             HttpServletRequest request) {
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(inspection.introspect(
                ClientCredentials.of(parameters, authorization), parameters.get("token"),
                origins.of(request).address()));
    }

    /** RFC 7009 token revocation: 200 whether or not the token was still valid. */
    @PostMapping(value = "/oauth/revoke", consumes = {MediaType.APPLICATION_FORM_URLENCODED_VALUE,
            MediaType.MULTIPART_FORM_DATA_VALUE, MediaType.ALL_VALUE})
    ResponseEntity<Void> revoke(@RequestParam Map<String, String> parameters,
                                @RequestHeader(value = HttpHeaders.AUTHORIZATION, required = false)
                                String authorization, HttpServletRequest request) {
        inspection.revoke(ClientCredentials.of(parameters, authorization), parameters.get("token"),
                origins.of(request).address());
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).build();
    }

    @GetMapping({"/oauth/jwks", "/.well-known/jwks.json"})
    Map<String, Object> keySet() {
        return publicKeys;
    }

    @ExceptionHandler(TokenRequestRefused.class)
    ResponseEntity<Map<String, Object>> refused(TokenRequestRefused e, HttpServletRequest request) {
        meters.counter("credentials.tokens.refused", "error", e.error()).increment();
        var response = ResponseEntity.status(e.status()).cacheControl(CacheControl.noStore());
        if (e.status() == 401) {
            response.header(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"oauth\"");
        }
        if (e.retryAfterSeconds() > 0) {
            response.header(HttpHeaders.RETRY_AFTER, Long.toString(e.retryAfterSeconds()));
        }
        ErrorCode withErrorBody = switch (e.status()) {
            case 403 -> ErrorCode.NETWORK_NOT_ALLOWED;
            case 429 -> ErrorCode.TOO_MANY_REQUESTS;
            default -> null;
        };
        return response.body(ErrorResponses.oauthBody(e.error(), e.getMessage(), withErrorBody, request));
    }
}
