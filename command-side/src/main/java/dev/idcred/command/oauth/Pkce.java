package dev.idcred.command.oauth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.regex.Pattern;

/**
 * PKCE (RFC 7636) with the one method we accept, S256: the challenge is BASE64URL(SHA-256(verifier)); a verifier is
 * 43 to 128 characters of {@code [A-Z a-z 0-9 - . _ ~]} (§4.1). Two lines of the RFC, written here rather than taken
 * from a library so that nothing else of one is needed.
 */
final class Pkce {

    private static final Pattern VERIFIER = Pattern.compile("[A-Za-z0-9._~-]{43,128}");
    /** A challenge is the base64url of 32 bytes: 43 characters. */
    private static final Pattern CHALLENGE = Pattern.compile("[A-Za-z0-9_-]{43}");

    private Pkce() {
    }

    static boolean validChallenge(String challenge) {
        return challenge != null && CHALLENGE.matcher(challenge).matches();
    }

    static boolean verifies(String verifier, String challenge) {
        if (verifier == null || !VERIFIER.matcher(verifier).matches() || !validChallenge(challenge)) {
            return false;
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return MessageDigest.isEqual(Base64.getUrlEncoder().withoutPadding().encodeToString(digest)
                    .getBytes(StandardCharsets.US_ASCII), challenge.getBytes(StandardCharsets.US_ASCII));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is unavailable", e);
        }
    }
}
