package dev.idcred.command.secret;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.zip.CRC32;

/**
 * How the service's secrets look: {@code idcs_}, 256 random bits in 43 base62 characters, and a 6-character base62
 * CRC32 of them. The prefix lets secret scanners recognise a leaked secret offline; the checksum lets the token
 * endpoint refuse a mistyped one without a lookup. (A secret an operator chose, such as the bootstrap client's, has
 * no prefix and is checked the ordinary way.)
 *
 * <p>Refresh tokens look alike with their own prefix, {@code idcr_}, and carry their family's id (22 base62
 * characters) before the random part, so the token endpoint finds the family without a lookup by hash.
 */
public final class SecretFormat {

    public static final String PREFIX = "idcs_";
    public static final String REFRESH_PREFIX = "idcr_";
    static final int FAMILY_CHARS = 22;
    static final int RANDOM_CHARS = 43;
    static final int CHECKSUM_CHARS = 6;
    private static final String BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

    private SecretFormat() {
    }

    static String newSecret(SecureRandom random) {
        byte[] bits = new byte[32];
        random.nextBytes(bits);
        String body = base62(new BigInteger(1, bits), RANDOM_CHARS);
        return PREFIX + body + checksum(body);
    }

    /** A new refresh-token family id: 128 random bits in 22 base62 characters. */
    static String newFamilyId(SecureRandom random) {
        byte[] bits = new byte[16];
        random.nextBytes(bits);
        return base62(new BigInteger(1, bits), FAMILY_CHARS);
    }

    static String newRefreshToken(SecureRandom random, String familyId) {
        byte[] bits = new byte[32];
        random.nextBytes(bits);
        String body = familyId + base62(new BigInteger(1, bits), RANDOM_CHARS);
        return REFRESH_PREFIX + body + checksum(body);
    }

    /** The family of a well-formed refresh token whose checksum holds; empty for anything else. */
    public static java.util.Optional<String> refreshTokenFamily(String token) {
        if (token == null || !token.startsWith(REFRESH_PREFIX)
                || token.length() != REFRESH_PREFIX.length() + FAMILY_CHARS + RANDOM_CHARS + CHECKSUM_CHARS) {
            return java.util.Optional.empty();
        }
        String body = token.substring(REFRESH_PREFIX.length(), token.length() - CHECKSUM_CHARS);
        if (!body.chars().allMatch(c -> BASE62.indexOf(c) >= 0) || !token.endsWith(checksum(body))) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(body.substring(0, FAMILY_CHARS));
    }

    /** True for a secret in this service's format whose checksum holds: one this service could have issued. */
    public static boolean isWellFormed(String secret) {
        return secret != null && secret.startsWith(PREFIX) && !isMistyped(secret);
    }

    /** True for a secret in this service's format whose checksum does not hold: a typo, or not ours at all. */
    public static boolean isMistyped(String secret) {
        if (!secret.startsWith(PREFIX)) {
            return false;
        }
        if (secret.length() != PREFIX.length() + RANDOM_CHARS + CHECKSUM_CHARS) {
            return true;
        }
        String body = secret.substring(PREFIX.length(), PREFIX.length() + RANDOM_CHARS);
        return !secret.endsWith(checksum(body));
    }

    private static String checksum(String body) {
        CRC32 crc = new CRC32();
        crc.update(body.getBytes(StandardCharsets.US_ASCII));
        return base62(BigInteger.valueOf(crc.getValue()), CHECKSUM_CHARS);
    }

    private static String base62(BigInteger value, int width) {
        var digits = new StringBuilder();
        BigInteger base = BigInteger.valueOf(BASE62.length());
        while (value.signum() > 0) {
            BigInteger[] division = value.divideAndRemainder(base);
            digits.append(BASE62.charAt(division[1].intValue()));
            value = division[0];
        }
        while (digits.length() < width) {
            digits.append('0');
        }
        return digits.reverse().toString();
    }
}
