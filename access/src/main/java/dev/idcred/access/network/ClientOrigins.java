package dev.idcred.access.network;

import dev.idcred.shared.common.NetworkRules;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Component;

import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Finds a call's {@link ClientOrigin}. The client is the socket peer, unless the peer is one of the configured
 * trusted proxies ({@code credentials.network.trusted-proxies}, CIDR ranges): then it is the nearest
 * {@code X-Forwarded-For} entry that is not itself a trusted proxy, read from the right, since everything left of
 * it could have been written by the client. The country comes from the configured header
 * ({@code credentials.network.country-header}) and only when the peer is a trusted proxy: anyone else could set it.
 * A header given more than once is ambiguous and names no country. The admin console is believed like a trusted proxy
 * when its request carries the console's forwarding key ({@value #CONSOLE_KEY_HEADER}), so a person's sign-ins and
 * calls through the console count against the person's address, not the console's.
 */
@Component
public class ClientOrigins {

    static final String FORWARDED_FOR = "X-Forwarded-For";
    /** The header the admin console sends its forwarding key in; a gateway drops it from what clients send. */
    public static final String CONSOLE_KEY_HEADER = "X-Idcred-Console-Key";
    private static final Pattern COUNTRY = Pattern.compile("[A-Za-z]{2}");

    private final List<String> trustedProxies;
    private final String countryHeader;
    private final byte[] consoleKey;

    public ClientOrigins(NetworkProperties properties) {
        this.trustedProxies = properties.trustedProxies();
        this.trustedProxies.forEach(ClientOrigins::ensureRange);
        this.countryHeader = properties.countryHeader();
        this.consoleKey = properties.consoleForwardingKey().isBlank() ? null
                : properties.consoleForwardingKey().getBytes(StandardCharsets.UTF_8);
    }

    public ClientOrigin of(HttpServletRequest request) {
        String peer = request.getRemoteAddr();
        if (!isTrustedProxy(peer) && !isConsole(request)) {
            return new ClientOrigin(peer, null);
        }
        String client = peer;
        List<String> hops = forwardedFor(request);
        for (int i = hops.size() - 1; i >= 0; i--) {
            client = hops.get(i);
            if (!isTrustedProxy(client)) {
                break;
            }
        }
        return new ClientOrigin(client, country(Collections.list(request.getHeaders(countryHeader))));
    }

    private boolean isConsole(HttpServletRequest request) {
        String key = request.getHeader(CONSOLE_KEY_HEADER);
        return consoleKey != null && key != null
                && MessageDigest.isEqual(consoleKey, key.getBytes(StandardCharsets.UTF_8));
    }

    private boolean isTrustedProxy(String address) {
        Optional<InetAddress> parsed = NetworkRules.ipLiteral(address);
        return parsed.isPresent() && trustedProxies.stream().anyMatch(range -> NetworkRules.contains(range, parsed.get()));
    }

    private static List<String> forwardedFor(HttpServletRequest request) {
        var hops = new ArrayList<String>();
        for (String header : Collections.list(request.getHeaders(FORWARDED_FOR))) {
            for (String hop : header.split(",")) {
                if (!hop.isBlank()) {
                    hops.add(hop.strip());
                }
            }
        }
        return hops;
    }

    /** The one country the header names; none if it is absent, malformed, or given more than once (ambiguous). */
    private static String country(List<String> headers) {
        if (headers.size() != 1 || !COUNTRY.matcher(headers.get(0).strip()).matches()) {
            return null;
        }
        return headers.get(0).strip().toUpperCase(Locale.ROOT);
    }

    private static void ensureRange(String range) {
        int slash = range.indexOf('/');
        if (NetworkRules.ipLiteral(slash < 0 ? range : range.substring(0, slash)).isEmpty()) {
            throw new IllegalArgumentException("credentials.network.trusted-proxies: not a CIDR range: " + range);
        }
    }
}
