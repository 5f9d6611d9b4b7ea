package dev.idcred.command.secret;

import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Keyed hash of a credential secret: HMAC-SHA256 under the service's pepper. Secrets are 256 random bits, so a
 * fast keyed hash is safe, and without the pepper (kept outside the event store) a stolen log is useless.
 */
@Component
public class SecretHasher {

    private static final String ALGORITHM = "HmacSHA256";
    private final SecretKeySpec pepper;

    public SecretHasher(KeyMaterial keys) {
        this.pepper = new SecretKeySpec(keys.secretPepper(), ALGORITHM);
    }

    public String hash(String secret) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(pepper);
            return "hmac-sha256:" + HexFormat.of().formatHex(mac.doFinal(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is unavailable", e);
        }
    }

    /** Compares in constant time, so timing tells nothing about how much of a guess was right. */
    public boolean matches(String secret, String expectedHash) {
        return MessageDigest.isEqual(hash(secret).getBytes(StandardCharsets.US_ASCII),
                expectedHash.getBytes(StandardCharsets.US_ASCII));
    }
}
