package dev.idcred.command.webhook;

import dev.idcred.shared.common.DomainException;
import dev.idcred.shared.common.ErrorCode;
import dev.idcred.shared.common.Limits;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;

/**
 * Where a webhook may deliver: an absolute {@code https} URL without credentials in it, whose host resolves only to
 * public addresses, so a webhook can never be aimed at the service's own network (loopback, private ranges,
 * link-local and cloud metadata addresses, carrier-grade NAT, multicast, IPv6 unique-local). With
 * {@code allowLoopback}, {@code http} or {@code https} on a loopback address is accepted too: for tests and local
 * receivers. Checked when a webhook is registered or changed, and again before every delivery, since a name may
 * resolve elsewhere later; the JVM caches what it resolved for 30 seconds, so the delivery that follows the check
 * connects to an address the check saw.
 */
public class WebhookTargets {

    private final boolean allowLoopback;

    public WebhookTargets(boolean allowLoopback) {
        this.allowLoopback = allowLoopback;
    }

    /** The URL as a URI, or a 400 saying what is wrong with it. */
    public URI validate(String url) {
        if (url == null || url.isBlank() || url.length() > Limits.MAX_URL_LENGTH) {
            throw refused("url is required (an absolute https URL of at most " + Limits.MAX_URL_LENGTH
                    + " characters)");
        }
        URI uri;
        try {
            uri = new URI(url.strip());
        } catch (URISyntaxException e) {
            throw refused("url is not a valid URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!uri.isAbsolute() || uri.getHost() == null || uri.getRawUserInfo() != null || uri.getRawFragment() != null
                || !(scheme.equals("https") || scheme.equals("http"))) {
            throw refused("url must be an absolute https URL with a host, and no user info or fragment");
        }
        InetAddress[] addresses = resolve(uri.getHost());
        boolean loopback = true;
        for (InetAddress address : addresses) {
            if (address.isLoopbackAddress()) {
                if (!allowLoopback) {
                    throw refused("url resolves to a loopback address");
                }
            } else {
                loopback = false;
                if (isInternal(address)) {
                    throw refused("url resolves to an address of a private or internal network: "
                            + address.getHostAddress());
                }
            }
        }
        if (scheme.equals("http") && !loopback) {
            throw refused("url must use https");
        }
        return uri;
    }

    private static InetAddress[] resolve(String host) {
        try {
            String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
            return InetAddress.getAllByName(bare);
        } catch (UnknownHostException e) {
            throw refused("url's host does not resolve");
        }
    }

    static boolean isInternal(InetAddress address) {
        if (address.isAnyLocalAddress() || address.isLinkLocalAddress() || address.isSiteLocalAddress()
                || address.isMulticastAddress() || address.isLoopbackAddress()) {
            return true;
        }
        byte[] b = address.getAddress();
        if (address instanceof Inet4Address) {
            int first = b[0] & 0xff;
            int second = b[1] & 0xff;
            return first == 0                                   // "this" network
                    || (first == 100 && second >= 64 && second < 128)  // carrier-grade NAT
                    || (first == 192 && second == 0 && (b[2] & 0xff) == 0)  // IETF protocol assignments
                    || (first == 198 && (second == 18 || second == 19))     // benchmarking
                    || first >= 240;                                         // reserved, broadcast
        }
        if (address instanceof Inet6Address) {
            int first = b[0] & 0xff;
            boolean uniqueLocal = (first & 0xfe) == 0xfc;
            boolean mappedV4 = isV4Mapped(b);
            return uniqueLocal || (mappedV4 && isInternalV4(b));
        }
        return true;
    }

    private static boolean isV4Mapped(byte[] b) {
        for (int i = 0; i < 10; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff;
    }

    private static boolean isInternalV4(byte[] b) {
        try {
            return isInternal(InetAddress.getByAddress(new byte[]{b[12], b[13], b[14], b[15]}));
        } catch (UnknownHostException e) {
            return true;
        }
    }

    private static DomainException refused(String message) {
        return new DomainException(ErrorCode.INVALID_VALUE, message);
    }
}
