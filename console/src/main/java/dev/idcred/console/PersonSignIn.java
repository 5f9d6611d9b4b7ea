package dev.idcred.console;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * People sign in to the console as to any application: the console is a registered public client of the service
 * ({@code console}), and sends the browser to the service's authorization endpoint with PKCE and a state; the service
 * signs the person in (password, then their authenticator's code) and sends them back to {@code /console/callback}
 * with a code, which the console exchanges, server to server, for tokens it keeps in the session. The browser never
 * holds a token. When the access token is due, the refresh token renews it ({@link #refreshIfDue}).
 */
@Controller
class PersonSignIn {

    static final String CLIENT_ID = "console";
    private static final String PENDING = PersonSignIn.class.getName() + ".pending";
    private static final Base64.Encoder URL = Base64.getUrlEncoder().withoutPadding();

    /** What the console remembers between sending the browser off and its return. */
    record Pending(String state, String verifier, String redirectUri, String issuer) implements Serializable {
    }

    private final ServiceApi api;
    private final String redirectUri;
    private final SecureRandom random = new SecureRandom();
    private final SecurityContextRepository contexts = new HttpSessionSecurityContextRepository();

    PersonSignIn(ServiceApi api, @Value("${credentials.bootstrap.console-redirect-uri:${CONSOLE_REDIRECT_URI:}}")
                 String redirectUri) {
        this.api = api;
        this.redirectUri = redirectUri == null ? "" : redirectUri.strip();
    }

    @GetMapping("/console/sign-in/person")
    String start(HttpServletRequest request) {
        JsonNode metadata = api.discovery();
        String issuer = metadata.path("issuer").asText();
        String callback = redirectUri.isEmpty() ? issuer + "/console/callback" : redirectUri;
        String here = request.getScheme() + "://" + request.getHeader("Host");
        String callbackOrigin = callback.substring(0, callback.indexOf("/console/callback"));
        if (!callbackOrigin.equalsIgnoreCase(here)) {
            // The session that remembers the state must be the one the callback arrives at: the same host.
            return "redirect:" + callbackOrigin + "/console/sign-in/person";
        }
        String verifier = token(32);
        String state = token(24);
        request.getSession(true).setAttribute(PENDING, new Pending(state, verifier, callback, issuer));
        return "redirect:" + metadata.path("authorization_endpoint").asText() + "?response_type=code&client_id="
                + CLIENT_ID + "&redirect_uri=" + ServiceApi.encode(callback) + "&state=" + state
                + "&code_challenge=" + challenge(verifier) + "&code_challenge_method=S256";
    }

    @GetMapping("/console/callback")
    String callback(@RequestParam(required = false) String code, @RequestParam(required = false) String state,
                    @RequestParam(required = false) String iss, @RequestParam(required = false) String error,
                    HttpServletRequest request, HttpServletResponse response) {
        HttpSession session = request.getSession(false);
        Pending pending = session == null ? null : (Pending) session.getAttribute(PENDING);
        if (pending == null || state == null || !MessageDigest.isEqual(pending.state().getBytes(StandardCharsets.US_ASCII),
                state.getBytes(StandardCharsets.US_ASCII)) || !pending.issuer().equals(iss)) {
            return failed(request, "The sign-in did not come back as it was sent: start again.");
        }
        session.removeAttribute(PENDING);
        if (error != null || code == null) {
            return failed(request, "access_denied".equals(error) ? "You declined to sign in to the console."
                    : "The service did not sign you in: start again.");
        }
        JsonNode tokens;
        try {
            tokens = api.tokenGrant(Map.of("grant_type", "authorization_code", "client_id", CLIENT_ID, "code", code,
                    "redirect_uri", pending.redirectUri(), "code_verifier", pending.verifier()));
        } catch (ApiProblem | NotAuthenticated refused) {
            return failed(request, "The service did not sign you in: start again.");
        }
        SignedIn me = signedIn(tokens, null);
        request.changeSessionId();
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(authentication(me));
        SecurityContextHolder.setContext(context);
        contexts.saveContext(context, request, response);
        return "redirect:/console";
    }

    /** Renews a person's access token a minute before it expires; a refused refresh signs them out. */
    void refreshIfDue(HttpServletRequest request, HttpServletResponse response) {
        SignedIn me = ConsolePages.current();
        if (me == null || me.refreshToken() == null || Instant.now().plusSeconds(60).isBefore(me.expiresAt())) {
            return;
        }
        JsonNode tokens;
        try {
            tokens = api.tokenGrant(Map.of("grant_type", "refresh_token", "client_id", CLIENT_ID, "refresh_token",
                    me.refreshToken()));
        } catch (ApiProblem refused) {
            throw new NotAuthenticated("The session ended: sign in again.");
        }
        SignedIn renewed = signedIn(tokens, me);
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(authentication(renewed));
        SecurityContextHolder.setContext(context);
        contexts.saveContext(context, request, response);
    }

    private SignedIn signedIn(JsonNode tokens, SignedIn before) {
        String accessToken = tokens.path("access_token").asText();
        Set<String> rights = new TreeSet<>();
        for (String right : tokens.path("scope").asText("").split(" ")) {
            if (!right.isBlank()) {
                rights.add(right);
            }
        }
        Instant expiresAt = Instant.now().plusSeconds(tokens.path("expires_in").asLong(0));
        String refresh = tokens.path("refresh_token").asText(null);
        if (before != null) {
            return before.refreshed(accessToken, expiresAt, refresh, Set.copyOf(rights));
        }
        JsonNode me = api.getWith("/v3/me", accessToken);
        return new SignedIn(CLIENT_ID, me.path("id").asText(), "PERSON:" + me.path("kind").asText("USER"),
                Set.copyOf(rights), accessToken, expiresAt, me.path("name").asText(), refresh);
    }

    private static UsernamePasswordAuthenticationToken authentication(SignedIn me) {
        return UsernamePasswordAuthenticationToken.authenticated(me, null,
                me.rights().stream().map(SimpleGrantedAuthority::new).toList());
    }

    private String failed(HttpServletRequest request, String reason) {
        request.getSession(true).setAttribute(SignInController.FAILURE, reason);
        return "redirect:/console/sign-in?failed";
    }

    private String token(int bytes) {
        byte[] value = new byte[bytes];
        random.nextBytes(value);
        return URL.encodeToString(value);
    }

    private static String challenge(String verifier) {
        try {
            return URL.encodeToString(MessageDigest.getInstance("SHA-256")
                    .digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
