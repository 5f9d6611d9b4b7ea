package dev.idcred.command.pages;

import dev.idcred.access.issuer.Issuer;
import dev.idcred.command.signin.Sessions;
import dev.idcred.command.signin.SignInKeys;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;

/**
 * What the service's pages keep in the browser: the session cookie ({@value #SESSION}: HttpOnly, SameSite=Lax so that
 * a redirect back from another site still carries it, Secure when the issuer is https, no Max-Age so that it goes with
 * the browser) and the CSRF cookie ({@value #CSRF}, SameSite=Strict) whose value every form posts back (the
 * double-submit pattern: another site can make the browser send the cookie, never read it into a form). Also the
 * headers every page carries: no caching, no framing, a content policy that allows our own styles only.
 */
@Component
public class Browser {

    static final String SESSION = "IDCRED_SESSION";
    static final String CSRF = "IDCRED_CSRF";
    static final String CSRF_FIELD = "csrf";

    private final Sessions sessions;
    private final SignInKeys keys;
    private final Issuer issuer;
    private final Clock clock;

    Browser(Sessions sessions, SignInKeys keys, Issuer issuer, Clock clock) {
        this.sessions = sessions;
        this.keys = keys;
        this.issuer = issuer;
        this.clock = clock;
    }

    Optional<Sessions.Session> session(HttpServletRequest request) {
        return cookie(request, SESSION).flatMap(id -> sessions.find(id, clock.instant()));
    }

    Optional<String> sessionId(HttpServletRequest request) {
        return cookie(request, SESSION);
    }

    void endSession(String id) {
        sessions.end(id);
    }

    void keep(Sessions.Session session, HttpServletResponse response) {
        response.addHeader(HttpHeaders.SET_COOKIE, ResponseCookie.from(SESSION, session.id()).httpOnly(true)
                .secure(issuer.secure()).sameSite("Lax").path("/").build().toString());
    }

    void forget(HttpServletResponse response) {
        response.addHeader(HttpHeaders.SET_COOKIE, ResponseCookie.from(SESSION, "").httpOnly(true)
                .secure(issuer.secure()).sameSite("Lax").path("/").maxAge(Duration.ZERO).build().toString());
    }

    /** The CSRF value for this browser's forms, setting the cookie if it has none. */
    String csrf(HttpServletRequest request, HttpServletResponse response) {
        Optional<String> existing = cookie(request, CSRF).filter(v -> v.length() == 43);
        if (existing.isPresent()) {
            return existing.get();
        }
        String value = keys.randomToken(32);
        response.addHeader(HttpHeaders.SET_COOKIE, ResponseCookie.from(CSRF, value).httpOnly(true)
                .secure(issuer.secure()).sameSite("Strict").path("/").build().toString());
        return value;
    }

    /** True if the form's CSRF value is this browser's cookie's. */
    boolean csrfMatches(HttpServletRequest request, String formValue) {
        return formValue != null && cookie(request, CSRF).filter(v -> v.length() == 43)
                .map(v -> MessageDigest.isEqual(v.getBytes(StandardCharsets.US_ASCII),
                        formValue.getBytes(StandardCharsets.US_ASCII)))
                .orElse(false);
    }

    /** The headers of every page: never cached, never framed, nothing run but what the page itself is. */
    static void pageHeaders(HttpServletResponse response) {
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        response.setHeader("Content-Security-Policy", "default-src 'none'; style-src 'self' 'unsafe-inline';"
                + " img-src 'self' data:; frame-ancestors 'none'; base-uri 'none'");
        response.setHeader("Referrer-Policy", "no-referrer");
        response.setHeader("X-Frame-Options", "DENY");
    }

    private static Optional<String> cookie(HttpServletRequest request, String name) {
        Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return Optional.empty();
        }
        return Arrays.stream(cookies).filter(c -> name.equals(c.getName())).map(Cookie::getValue)
                .filter(v -> v != null && !v.isEmpty()).findFirst();
    }
}
