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
import java.util.regex.Pattern;

/**
 * Where a webhook may deliver: an absolute {@code https} URL without credentials or a fragment in it, whose host is a
 * name or a canonical address that resolves only to public addresses, so a webhook can never be aimed at the service's
 * own network. Refused: loopback, private, link-local, carrier-grade NAT, documentation, benchmarking, multicast and
 * reserved IPv4 ranges; IPv6 unique-local, link-local, site-local, multicast and documentation ranges; and every
 * IPv6 form that carries an IPv4 address (IPv4-mapped and -compatible, NAT64, 6to4, Teredo), whatever it carries. A
 * host written as a number in any other form than dotted decimal ({@code 0177.0.0.1}, {@code 0x7f.1},
 * {@code 2130706433}) is refused, since parsers disagree about what it means. With {@code allowLoopback}, {@code http}
 * or {@code https} on a loopback address is accepted too: for tests and local receivers.
 *
 * <p>Checked when a webhook is registered or changed, and at every delivery by {@link #resolve}, the resolver the
 * delivery connects through: the addresses it checks are the ones connected to, so a name that resolves elsewhere
 * between a check and the connection (DNS rebinding) cannot slip past. Refusals never say what a name resolved to.
 */
public class WebhookTargets {

    /** A label that is a number, decimal, octal or hex, as inet_aton reads the labels of such hosts. */
    private static final Pattern NUMERIC_LABEL = Pattern.compile("0[xX][0-9a-fA-F]*|[0-9]+");
    private static final Pattern CANONICAL_IPV4 = Pattern.compile(
            "(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}");
    private static final String NOT_PUBLIC = "url's host must resolve only to public addresses";

    private final boolean allowLoopback;

    public WebhookTargets(boolean allowLoopback) {
        this.allowLoopback = allowLoopback;
    }

    /** The URL as a URI whose host resolves only to allowed addresses now, or a 400 saying what is wrong. */
    public URI validate(String url) {
        URI uri = parse(url);
        InetAddress[] addresses;
        try {
            addresses = resolve(uri.getHost());
        } catch (UnknownHostException e) {
            throw refused(e.getMessage());
        }
        boolean loopback = true;
        for (InetAddress address : addresses) {
            loopback &= address.isLoopbackAddress();
        }
        if (uri.getScheme().equalsIgnoreCase("http") && !loopback) {
            throw refused("url must use https");
        }
        return uri;
    }

    /** The URL's form alone (scheme, host, no user info or fragment): what a delivery checks before it resolves. */
    public URI parse(String url) {
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
        return uri;
    }

    /**
     * The addresses a delivery to {@code host} may connect to: all it resolves to, each one public (or loopback, when
     * allowed); otherwise none, with a message that names no address.
     */
    public InetAddress[] resolve(String host) throws UnknownHostException {
        String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        if (isNumeric(bare) && !CANONICAL_IPV4.matcher(bare).matches()) {
            throw new UnknownHostException("url's host is a number in a form other than dotted decimal");
        }
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(bare);
        } catch (UnknownHostException e) {
            throw new UnknownHostException("url's host does not resolve");
        }
        for (InetAddress address : addresses) {
            if (address.isLoopbackAddress() ? !allowLoopback : isInternal(address)) {
                throw new UnknownHostException(NOT_PUBLIC);
            }
        }
        return addresses;
    }

    /** True if every label of the host is a number: an address, however it is written. */
    private static boolean isNumeric(String host) {
        String[] labels = (host.endsWith(".") ? host.substring(0, host.length() - 1) : host).split("\\.", -1);
        for (String label : labels) {
            if (!NUMERIC_LABEL.matcher(label).matches()) {
                return false;
            }
        }
        return true;
    }

    /** True for every address a webhook may not reach: anything but a public unicast address. */
    static boolean isInternal(InetAddress address) {
        if (address.isAnyLocalAddress() || address.isLinkLocalAddress() || address.isSiteLocalAddress()
                || address.isMulticastAddress() || address.isLoopbackAddress()) {
            return true;
        }
        byte[] b = address.getAddress();
        if (address instanceof Inet4Address) {
            return isInternalV4(b[0] & 0xff, b[1] & 0xff, b[2] & 0xff);
        }
        if (address instanceof Inet6Address) {
            int first = b[0] & 0xff;
            int second = b[1] & 0xff;
            boolean firstTenZero = true;
            for (int i = 0; i < 10; i++) {
                firstTenZero &= b[i] == 0;
            }
            boolean carriesIpv4 = firstTenZero                                          // ::/96 and ::ffff:0:0/96
                    || first == 0x00 && second == 0x64 && (b[2] & 0xff) == 0xff && (b[3] & 0xff) == 0x9b  // 64:ff9b::
                    || first == 0x20 && second == 0x02                                  // 6to4, 2002::/16
                    || first == 0x20 && second == 0x01 && b[2] == 0 && b[3] == 0;       // Teredo, 2001::/32
            boolean documentation = first == 0x20 && second == 0x01 && (b[2] & 0xff) == 0x0d && (b[3] & 0xff) == 0xb8;
            boolean discard = first == 0x01 && second == 0x00 && b[2] == 0 && b[3] == 0;   // 100::/64
            boolean uniqueLocal = (first & 0xfe) == 0xfc;                                  // fc00::/7
            boolean siteLocal = first == 0xfe && (second & 0xc0) == 0xc0;                  // fec0::/10
            return carriesIpv4 || documentation || discard || uniqueLocal || siteLocal;
        }
        return true;
    }

    private static boolean isInternalV4(int first, int second, int third) {
        return first == 0                                           // "this" network
                || first == 10 || first == 127                      // private, loopback
                || first == 100 && second >= 64 && second < 128     // carrier-grade NAT
                || first == 169 && second == 254                    // link-local, cloud metadata
                || first == 172 && second >= 16 && second < 32      // private
                || first == 192 && second == 0 && (third == 0 || third == 2)   // IETF assignments, TEST-NET-1
                || first == 192 && second == 88 && third == 99      // 6to4 relays
                || first == 192 && second == 168                    // private
                || first == 198 && (second == 18 || second == 19)   // benchmarking
                || first == 198 && second == 51 && third == 100     // TEST-NET-2
                || first == 203 && second == 0 && third == 113      // TEST-NET-3
                || first >= 224;                                    // multicast, reserved, broadcast
    }

    private static DomainException refused(String message) {
        return new DomainException(ErrorCode.INVALID_VALUE, message);
    }
}
