package dev.idcred.shared.apiclient;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * How an authorization request's {@code redirect_uri} is matched against a client's registered ones: exactly, as
 * strings (RFC 9700 §4.1.3), except that for a registered loopback URI ({@code http://127.0.0.1}, {@code http://[::1]},
 * {@code http://localhost}) any port matches, since a native app listens on whatever port it was given (RFC 8252
 * §7.3). Everything else about it (scheme, host, path, query) must still be the same string.
 */
public final class RedirectUris {

    private static final Set<String> LOOPBACK_HOSTS = Set.of("127.0.0.1", "[::1]", "localhost");

    private RedirectUris() {
    }

    /** True if {@code uri} is an http URL on a loopback host, with or without a port. */
    public static boolean isLoopback(String uri) {
        try {
            URI parsed = new URI(uri);
            return "http".equals(parsed.getScheme()) && parsed.getRawAuthority() != null
                    && LOOPBACK_HOSTS.contains(hostOf(parsed)) && parsed.getRawUserInfo() == null;
        } catch (URISyntaxException | NullPointerException e) {
            return false;
        }
    }

    /** The registered URI {@code requested} matches, if any. */
    public static boolean matches(List<String> registered, String requested) {
        if (requested == null || requested.isEmpty()) {
            return false;
        }
        return registered.stream().anyMatch(uri -> uri.equals(requested)
                || isLoopback(uri) && isLoopback(requested) && withoutPort(uri).equals(withoutPort(requested)));
    }

    private static String withoutPort(String uri) {
        try {
            URI parsed = new URI(uri);
            return Objects.toString(parsed.getScheme()) + "://" + hostOf(parsed)
                    + Objects.toString(parsed.getRawPath(), "")
                    + (parsed.getRawQuery() == null ? "" : "?" + parsed.getRawQuery())
                    + (parsed.getRawFragment() == null ? "" : "#" + parsed.getRawFragment());
        } catch (URISyntaxException e) {
            return uri;
        }
    }

    private static String hostOf(URI parsed) {
        String authority = parsed.getRawAuthority();
        int colon = authority.startsWith("[") ? authority.indexOf(':', authority.indexOf(']')) : authority.indexOf(':');
        String host = colon < 0 ? authority : authority.substring(0, colon);
        if (colon >= 0 && !authority.substring(colon + 1).matches("\\d{1,5}")) {
            return "invalid port";
        }
        return host.toLowerCase(Locale.ROOT);
    }
}
