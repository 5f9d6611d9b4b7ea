package dev.idcred.command.identity;

import dev.idcred.command.TextRules;
import dev.idcred.command.signin.Usernames;
import dev.idcred.shared.common.DomainException;
import dev.idcred.shared.common.ErrorCode;
import dev.idcred.shared.common.IdentityKind;
import dev.idcred.shared.common.Limits;
import dev.idcred.shared.common.NetworkRules;

import java.net.InetAddress;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** The shape rules of an identity: its name and username, its tenant-access expiry and its network rules. */
final class IdentityPolicy {

    static final int MAX_NAME_LENGTH = 128;
    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

    private IdentityPolicy() {
    }

    static final int MAX_USERNAME_LENGTH = 64;
    private static final java.util.regex.Pattern USERNAME = java.util.regex.Pattern.compile("[A-Za-z0-9][A-Za-z0-9._@+-]*");

    /**
     * A username is optional (an identity without one cannot sign in), at most 64 characters of letters, digits and
     * {@code . _ @ + -}, starting with a letter or digit; it is kept as given and compared case-insensitively.
     */
    static String validUsername(String username) {
        if (username == null) {
            return null;
        }
        if (username.isEmpty() || username.length() > MAX_USERNAME_LENGTH || !USERNAME.matcher(username).matches()) {
            throw new DomainException(ErrorCode.INVALID_VALUE, "username must be 1 to " + MAX_USERNAME_LENGTH
                    + " letters, digits or . _ @ + -, starting with a letter or digit");
        }
        return username;
    }

    /** Claims {@code username} for the identity in the command's transaction; taken by another, it is refused. */
    static void ensureUsernameFree(Usernames usernames, String username, String identityId) {
        if (username != null && !usernames.claim(username, identityId)) {
            throw new DomainException(ErrorCode.USERNAME_TAKEN, "The username is taken");
        }
    }

    static String validName(String name) {
        return TextRules.validName("name", name, MAX_NAME_LENGTH);
    }

    /** Support and services accounts are granted access until an instant; a tenant's own users are not. */
    static void ensureExpiryFitsKind(IdentityKind kind, Instant tenantAccessExpiresAt) {
        if (kind.isVendorAccount() && tenantAccessExpiresAt == null) {
            throw new DomainException(ErrorCode.INVALID_VALUE,
                    "tenantAccessExpiresAt is required for " + kind + " identities");
        }
        if (!kind.isVendorAccount() && tenantAccessExpiresAt != null) {
            throw new DomainException(ErrorCode.INVALID_VALUE,
                    "tenantAccessExpiresAt applies only to SUPPORT and SERVICES identities");
        }
    }

    static NetworkRules validNetworkRules(NetworkRules rules) {
        if (rules == null) {
            return NetworkRules.none();
        }
        if (rules.allowedCidrs().size() > Limits.MAX_ALLOWED_CIDRS
                || rules.allowedCountries().size() > Limits.MAX_ALLOWED_COUNTRIES) {
            throw new DomainException(ErrorCode.INVALID_VALUE, "At most " + Limits.MAX_ALLOWED_CIDRS
                    + " allowed CIDR ranges and " + Limits.MAX_ALLOWED_COUNTRIES + " allowed countries");
        }
        rules.allowedCidrs().forEach(IdentityPolicy::ensureCidr);
        List<String> countries = rules.allowedCountries().stream().map(c -> {
            String code = c == null ? "" : c.strip().toUpperCase(Locale.ROOT);
            if (!COUNTRIES.contains(code)) {
                throw new DomainException(ErrorCode.INVALID_VALUE, "Not an ISO 3166 country code: " + c);
            }
            return code;
        }).distinct().toList();
        return new NetworkRules(rules.allowedCidrs(), countries);
    }

    private static void ensureCidr(String cidr) {
        String[] parts = cidr == null ? new String[0] : cidr.split("/", -1);
        try {
            Optional<InetAddress> network = parts.length == 2 ? NetworkRules.ipLiteral(parts[0]) : Optional.empty();
            if (network.isPresent() && parts[0].equals(parts[0].strip())) {
                int bits = network.get().getAddress().length * 8;
                int prefix = Integer.parseInt(parts[1]);
                if (prefix >= 0 && prefix <= bits) {
                    return;
                }
            }
        } catch (Exception e) {
            // falls through to the refusal below
        }
        throw new DomainException(ErrorCode.INVALID_VALUE, "Not a CIDR range: " + cidr);
    }
}
