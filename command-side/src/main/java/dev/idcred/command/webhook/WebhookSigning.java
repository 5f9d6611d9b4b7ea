package dev.idcred.command.webhook;

import dev.idcred.command.secret.KeyMaterial;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Webhook signing secrets and signatures. A webhook's secret is derived, never stored: HMAC-SHA256, under a key
 * derived from the service's pepper, of the webhook's id and a random salt its events carry. So the log holds only
 * the salt, useless without the pepper, and the secret can be shown once and still sign every delivery. A delivery
 * is signed over {@code deliveryId + "." + timestamp + "." + body}; the receiver recomputes it and refuses a
 * timestamp too old.
 */
@Component
class WebhookSigning {

    static final String SECRET_PREFIX = "whsec_";
    static final String SIGNATURE_HEADER = "X-Idcred-Signature";
    static final String TIMESTAMP_HEADER = "X-Idcred-Timestamp";
    private static final String ALGORITHM = "HmacSHA256";

    private final SecretKeySpec key;
    private final SecureRandom random = new SecureRandom();

    WebhookSigning(KeyMaterial keys) {
        this.key = new SecretKeySpec(hmac(new SecretKeySpec(keys.secretPepper(), ALGORITHM),
                "idcred webhook signing key".getBytes(StandardCharsets.UTF_8)), ALGORITHM);
    }

    /** A fresh salt, for a new webhook or a new secret. */
    String newSalt() {
        byte[] salt = new byte[16];
        random.nextBytes(salt);
        return HexFormat.of().formatHex(salt);
    }

    String secretOf(String webhookId, String salt) {
        byte[] derived = hmac(key, (webhookId + ":" + salt).getBytes(StandardCharsets.UTF_8));
        return SECRET_PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(derived);
    }

    /**
     * The signature header's value: {@code v2=} and the hex HMAC-SHA256 under the secret of
     * {@code deliveryId.timestamp.body}, so neither the delivery id a receiver drops repeats by, nor the time, nor
     * the body can be changed without breaking it.
     */
    static String signature(String secret, long deliveryId, long timestamp, String body) {
        byte[] mac = hmac(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM),
                (deliveryId + "." + timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
        return "v2=" + HexFormat.of().formatHex(mac);
    }

    private static byte[] hmac(SecretKeySpec key, byte[] data) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is unavailable", e);
        }
    }
}
