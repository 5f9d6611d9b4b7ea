package dev.idcred.shared.common;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Where an identity's personal access tokens may be used from: CIDR ranges and ISO 3166 country codes. An empty
 * list does not restrict; a non-empty one must be met, so allowed countries refuse a call whose country is unknown.
 */
public record NetworkRules(List<String> allowedCidrs, List<String> allowedCountries) {

    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9a-fA-F:.]{2,45}");

    public NetworkRules {
        allowedCidrs = allowedCidrs == null ? List.of() : List.copyOf(allowedCidrs);
        allowedCountries = allowedCountries == null ? List.of() : List.copyOf(allowedCountries);
    }

    public static NetworkRules none() {
        return new NetworkRules(List.of(), List.of());
    }

    public boolean restricts() {
        return !allowedCidrs.isEmpty() || !allowedCountries.isEmpty();
    }

    /** Why a call is outside the rules: which rule ({@code NETWORK} or {@code COUNTRY}) and in words. */
    public record Refusal(String rule, String reason) {
    }

    /** Why a call from {@code address} in {@code country} (null: unknown) is outside the rules; empty if inside. */
    public Optional<Refusal> refusalFor(String address, String country) {
        if (!allowedCidrs.isEmpty()) {
            Optional<InetAddress> client = ipLiteral(address);
            if (client.isEmpty() || allowedCidrs.stream().noneMatch(cidr -> contains(cidr, client.get()))) {
                return Optional.of(new Refusal("NETWORK",
                        "The client address " + address + " is outside the allowed networks"));
            }
        }
        if (!allowedCountries.isEmpty() && (country == null || !allowedCountries.contains(country))) {
            return Optional.of(new Refusal("COUNTRY", country == null
                    ? "The client's country is unknown and the allowed countries are "
                    + String.join(", ", allowedCountries) : "The client's country " + country + " is not allowed"));
        }
        return Optional.empty();
    }

    /** True if {@code cidr} ({@code address/prefix}) contains {@code address}; false for a malformed range. */
    public static boolean contains(String cidr, InetAddress address) {
        int slash = cidr.indexOf('/');
        Optional<InetAddress> network = ipLiteral(slash < 0 ? cidr : cidr.substring(0, slash));
        if (network.isEmpty()) {
            return false;
        }
        byte[] range = network.get().getAddress();
        byte[] candidate = address.getAddress();
        if (range.length != candidate.length) {
            return false;
        }
        int prefix;
        try {
            prefix = slash < 0 ? range.length * 8 : Integer.parseInt(cidr.substring(slash + 1));
        } catch (NumberFormatException e) {
            return false;
        }
        if (prefix < 0 || prefix > range.length * 8) {
            return false;
        }
        for (int bit = 0; bit < prefix; bit++) {
            int mask = 0x80 >>> (bit % 8);
            if ((range[bit / 8] & mask) != (candidate[bit / 8] & mask)) {
                return false;
            }
        }
        return true;
    }

    /** An IP address written as a literal; never a host name, so parsing never asks DNS. */
    public static Optional<InetAddress> ipLiteral(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String literal = text.strip();
        if (literal.startsWith("[") && literal.endsWith("]")) {
            literal = literal.substring(1, literal.length() - 1);
        }
        try {
            if (IPV4.matcher(literal).matches()) {
                String[] parts = literal.split("\\.");
                byte[] octets = new byte[4];
                for (int i = 0; i < 4; i++) {
                    int octet = Integer.parseInt(parts[i]);
                    if (octet > 255) {
                        return Optional.empty();
                    }
                    octets[i] = (byte) octet;
                }
                return Optional.of(InetAddress.getByAddress(octets));
            }
            // With a colon, the JDK parses an IPv6 literal and never resolves a name.
            if (literal.contains(":") && IPV6.matcher(literal).matches()) {
                return Optional.of(InetAddress.getByName(literal));
            }
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }
}
