package dev.idcred.command.oauth;

import dev.idcred.shared.common.ErrorCode;
import dev.idcred.access.ApiError;
import dev.idcred.access.ClientOrigins;
import dev.idcred.access.TrackingId;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
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

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code POST /oauth/token} (RFC 6749: client credentials and refresh token grants), {@code POST /oauth/introspect}
 * (RFC 7662) and {@code POST /oauth/revoke} (RFC 7009): parameters as a form, as multipart (the official SDK's way)
 * or in the query; client authentication in the parameters or as HTTP Basic. Also publishes the token-signing key
 * set.
 */
@RestController
class TokenEndpoint {

    private final TokenService tokens;
    private final TokenInspection inspection;
    private final ClientOrigins origins;
    private final Map<String, Object> publicKeys;
    private final MeterRegistry meters;

    TokenEndpoint(TokenService tokens, TokenInspection inspection, ClientOrigins origins, RSAKey signingKey,
                  MeterRegistry meters) {
        this.tokens = tokens;
        this.inspection = inspection;
        this.origins = origins;
        this.meters = meters;
        this.publicKeys = new JWKSet(signingKey.toPublicJWK()).toJSONObject();
    }

    /** The RFC 6749 token response. */
    record TokenResponse(@JsonProperty("access_token") String accessToken,
                         @JsonProperty("token_type") String tokenType,
                         @JsonProperty("expires_in") long expiresIn, String scope, String jti,
                         @JsonProperty("refresh_token") @JsonInclude(JsonInclude.Include.NON_NULL)
                         String refreshToken) {
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
        String[] client = clientCredentials(parameters, authorization);
        TokenService.AccessToken token = switch (grantType) {
            case "client_credentials" -> tokens.clientCredentials(client[0], client[1], origins.of(request));
            case "refresh_token" -> tokens.refresh(client[0], client[1], parameters.get("refresh_token"));
            default -> throw new TokenRequestRefused(400, "unsupported_grant_type",
                    "Supported: client_credentials, refresh_token");
        };
        var body = new TokenResponse(token.value(), "bearer", token.expiresIn(), token.scope(), token.jti(),
                token.refreshToken());
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).header("Pragma", "no-cache").body(body);
    }

    /** RFC 7662 token introspection, for resource servers holding the client credentials of a live credential. */
    @PostMapping(value = "/oauth/introspect", consumes = {MediaType.APPLICATION_FORM_URLENCODED_VALUE,
            MediaType.MULTIPART_FORM_DATA_VALUE, MediaType.ALL_VALUE})
    ResponseEntity<Introspection> introspect(@RequestParam Map<String, String> parameters,
                                                   @RequestHeader(value = HttpHeaders.AUTHORIZATION,
                                                           required = false) String authorization) {
        String[] client = clientCredentials(parameters, authorization);
        return ResponseEntity.ok().cacheControl(CacheControl.noStore())
                .body(inspection.introspect(client[0], client[1], parameters.get("token")));
    }

    /** RFC 7009 token revocation: 200 whether or not the token was still valid. */
    @PostMapping(value = "/oauth/revoke", consumes = {MediaType.APPLICATION_FORM_URLENCODED_VALUE,
            MediaType.MULTIPART_FORM_DATA_VALUE, MediaType.ALL_VALUE})
    ResponseEntity<Void> revoke(@RequestParam Map<String, String> parameters,
                                @RequestHeader(value = HttpHeaders.AUTHORIZATION, required = false)
                                String authorization) {
        String[] client = clientCredentials(parameters, authorization);
        inspection.revoke(client[0], client[1], parameters.get("token"));
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
        var body = new LinkedHashMap<String, Object>();
        body.put("error", e.error());
        body.put("error_description", e.getMessage());
        if (e.status() == 403) {
            // A network-rule refusal also carries the API's error body, as every 403 of the service does.
            ApiError error = ApiError.of(ErrorCode.NETWORK_NOT_ALLOWED.detailCode(), TrackingId.of(request),
                    e.getMessage());
            body.put("detailCode", error.detailCode());
            body.put("trackingId", error.trackingId());
            body.put("messages", error.messages());
            body.put("causes", error.causes());
        }
        return response.body(body);
    }

    private static String[] clientCredentials(Map<String, String> parameters, String authorization) {
        String[] basic = basicCredentials(authorization);
        return basic != null ? basic : new String[]{parameters.get("client_id"), parameters.get("client_secret")};
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
