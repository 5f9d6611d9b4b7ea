package dev.idcred.console;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Set;
import java.util.TreeSet;

/**
 * Signs in with a PAT's or an API client's ID and secret, the way an operator signs in to a vault with a token: the
 * console asks the service's token endpoint for an access token (client credentials) and keeps it in the session;
 * the secret is forgotten at once. A wrong secret, a throttled client or a refused network each say so in words.
 */
class ConsoleSignIn implements AuthenticationProvider {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ServiceApi api;

    ConsoleSignIn(ServiceApi api) {
        this.api = api;
    }

    @Override
    public Authentication authenticate(Authentication request) {
        String clientId = String.valueOf(request.getPrincipal()).strip();
        String secret = request.getCredentials() == null ? "" : request.getCredentials().toString().strip();
        if (clientId.isEmpty() || secret.isEmpty()) {
            throw new BadCredentialsException("Enter the client ID and the secret.");
        }
        JsonNode token;
        try {
            token = api.token(clientId, secret);
        } catch (NotAuthenticated wrongSecret) {
            throw new BadCredentialsException("That client ID and secret do not sign in.");
        } catch (ApiProblem refused) {
            throw switch (refused.status()) {
                case 400 -> new BadCredentialsException("That client ID and secret do not sign in.");
                case 403 -> new DisabledException(refused.getMessage());
                case 429 -> new LockedException("Too many failed attempts for this client or address; wait a minute.");
                default -> new AuthenticationServiceException(refused.explanation());
            };
        }
        String accessToken = token.path("access_token").asText();
        JsonNode claims = claimsOf(accessToken);
        Set<String> rights = new TreeSet<>();
        for (String right : token.path("scope").asText("").split(" ")) {
            if (!right.isBlank()) {
                rights.add(right);
            }
        }
        var me = new SignedIn(clientId, claims.path("identity_id").asText(null),
                claims.path("credential_kind").asText(null), Set.copyOf(rights), accessToken,
                Instant.now().plusSeconds(token.path("expires_in").asLong(0)), null, null);
        return UsernamePasswordAuthenticationToken.authenticated(me, null,
                rights.stream().map(SimpleGrantedAuthority::new).toList());
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }

    /** The token's claims, read (not verified: the console got it from the token endpoint itself) for display. */
    private static JsonNode claimsOf(String jwt) {
        String[] parts = jwt.split("\\.");
        if (parts.length < 2) {
            return JSON.createObjectNode();
        }
        try {
            return JSON.readTree(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8));
        } catch (IOException | IllegalArgumentException e) {
            return JSON.createObjectNode();
        }
    }
}
