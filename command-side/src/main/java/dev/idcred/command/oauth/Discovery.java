package dev.idcred.command.oauth;

import dev.idcred.access.gate.AccessTokenGate;
import dev.idcred.access.gate.TokenClaims;
import dev.idcred.access.issuer.Issuer;
import dev.idcred.command.secret.KeyMaterial;
import dev.idcred.command.signin.Usernames;
import dev.idcred.shared.common.RightsCatalogue;
import dev.idcred.shared.common.Scopes;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Discovery: the authorization server's metadata (RFC 8414) and the OpenID provider's (OpenID Connect Discovery 1.0),
 * the same document at both addresses; and the userinfo endpoint, which answers for a token a client obtained for a
 * person with {@code openid}.
 */
@RestController
class Discovery {

    private final Issuer issuer;
    private final RightsCatalogue catalogue;
    private final String algorithm;
    private final JwtDecoder decoder;
    private final AccessTokenGate gate;
    private final Usernames usernames;

    Discovery(Issuer issuer, RightsCatalogue catalogue, KeyMaterial.SigningKeys keys, JwtDecoder decoder,
              AccessTokenGate gate, Usernames usernames) {
        this.issuer = issuer;
        this.catalogue = catalogue;
        this.algorithm = keys.algorithm().getName();
        this.decoder = decoder;
        this.gate = gate;
        this.usernames = usernames;
    }

    @GetMapping({"/.well-known/openid-configuration", "/.well-known/oauth-authorization-server"})
    ResponseEntity<Map<String, Object>> metadata() {
        List<String> scopes = new ArrayList<>(List.of(Scopes.OPENID, Scopes.PROFILE));
        scopes.addAll(catalogue.rights().stream().sorted().toList());
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("issuer", issuer.url());
        metadata.put("authorization_endpoint", issuer.at("/oauth/authorize"));
        metadata.put("token_endpoint", issuer.at("/oauth/token"));
        metadata.put("userinfo_endpoint", issuer.at("/oauth/userinfo"));
        metadata.put("jwks_uri", issuer.at("/oauth/jwks"));
        metadata.put("introspection_endpoint", issuer.at("/oauth/introspect"));
        metadata.put("revocation_endpoint", issuer.at("/oauth/revoke"));
        metadata.put("end_session_endpoint", issuer.at("/signout"));
        metadata.put("scopes_supported", scopes);
        metadata.put("response_types_supported", List.of("code"));
        metadata.put("response_modes_supported", List.of("query"));
        metadata.put("grant_types_supported", List.of("authorization_code", "client_credentials", "refresh_token"));
        metadata.put("code_challenge_methods_supported", List.of("S256"));
        metadata.put("token_endpoint_auth_methods_supported",
                List.of("client_secret_basic", "client_secret_post", "none"));
        metadata.put("introspection_endpoint_auth_methods_supported",
                List.of("client_secret_basic", "client_secret_post"));
        metadata.put("revocation_endpoint_auth_methods_supported",
                List.of("client_secret_basic", "client_secret_post"));
        metadata.put("subject_types_supported", List.of("public"));
        metadata.put("id_token_signing_alg_values_supported", List.of(algorithm));
        metadata.put("token_endpoint_auth_signing_alg_values_supported", List.of(algorithm));
        metadata.put("claims_supported", List.of("iss", "sub", "aud", "exp", "iat", "auth_time", "nonce", "azp",
                "name", "preferred_username"));
        metadata.put("prompt_values_supported", List.of("none", "login", "consent"));
        metadata.put("authorization_response_iss_parameter_supported", true);
        metadata.put("request_parameter_supported", false);
        metadata.put("request_uri_parameter_supported", false);
        metadata.put("claims_parameter_supported", false);
        return ResponseEntity.ok().cacheControl(CacheControl.maxAge(Duration.ofMinutes(5)).cachePublic())
                .body(metadata);
    }

    /** OpenID Connect userinfo: who the person is, for a live token issued for them with {@code openid}. */
    @GetMapping("/oauth/userinfo")
    ResponseEntity<Map<String, Object>> userinfo(@RequestHeader(value = HttpHeaders.AUTHORIZATION,
            required = false) String authorization) {
        Optional<Jwt> token = bearer(authorization);
        Optional<AccessTokenGate.LiveToken> live = token.filter(TokenClaims::delegated).flatMap(gate::evaluate);
        List<String> scope = token.map(t -> t.getClaimAsString(TokenClaims.SCOPE)).map(s -> List.of(s.split(" ")))
                .orElse(List.of());
        if (live.isEmpty() || !scope.contains(Scopes.OPENID)) {
            return ResponseEntity.status(401).cacheControl(CacheControl.noStore())
                    .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\"")
                    .body(Map.of("error", "invalid_token", "error_description",
                            "A live access token issued for a person with the openid scope is required"));
        }
        String sub = live.get().actingFor().identityId();
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("sub", sub);
        if (scope.contains(Scopes.PROFILE)) {
            claims.put("name", live.get().actingFor().name());
            usernames.usernameOf(sub).ifPresent(username -> claims.put("preferred_username", username));
        }
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(claims);
    }

    @PostMapping("/oauth/userinfo")
    ResponseEntity<Map<String, Object>> userinfoByPost(@RequestHeader(value = HttpHeaders.AUTHORIZATION,
            required = false) String authorization) {
        return userinfo(authorization);
    }

    private Optional<Jwt> bearer(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return Optional.empty();
        }
        try {
            return Optional.of(decoder.decode(authorization.substring(7).trim()));
        } catch (JwtException e) {
            return Optional.empty();
        }
    }
}
