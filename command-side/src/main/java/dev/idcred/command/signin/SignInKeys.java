package dev.idcred.command.signin;

import dev.idcred.command.secret.KeyMaterial;
import org.springframework.stereotype.Component;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The keys sign-in derives from the service's pepper (kept outside the event store), one per purpose: the pepper
 * under a password's slow hash, the key that seals authenticator secrets, the key that makes an invitation's link from
 * its id, and the key of recovery codes' hashes. A stolen log or database holds none of them.
 */
@Component
public class SignInKeys {

    private static final Base64.Encoder URL = Base64.getUrlEncoder().withoutPadding();
    private final SecureRandom random = new SecureRandom();
    private final byte[] passwordPepper;
    private final SecretKeySpec sealing;
    private final byte[] invitations;
    private final byte[] recoveryCodes;

    public SignInKeys(KeyMaterial keys) {
        byte[] pepper = keys.secretPepper();
        this.passwordPepper = derive(pepper, "password-pepper");
        this.sealing = new SecretKeySpec(derive(pepper, "authenticator-sealing"), "AES");
        this.invitations = derive(pepper, "invitation-link");
        this.recoveryCodes = derive(pepper, "recovery-code");
    }

    /** HMAC-SHA256 of a password under the password pepper: what bcrypt hashes (44 characters, under its 72 bytes). */
    String pepperedPassword(String password) {
        return Base64.getEncoder().encodeToString(hmac(passwordPepper, password));
    }

    /**
     * The secret half of an invitation's link: a keyed hash of the identity's and the invitation's ids, so the log
     * needs to keep only the ids.
     */
    public String invitationToken(String identityId, String invitationId) {
        return URL.encodeToString(hmac(invitations, "invitation:" + identityId + ":" + invitationId));
    }

    /** True if {@code token} is the invitation's, compared in constant time. */
    public boolean invitationTokenMatches(String identityId, String invitationId, String token) {
        return token != null && MessageDigest.isEqual(invitationToken(identityId, invitationId)
                .getBytes(StandardCharsets.US_ASCII), token.getBytes(StandardCharsets.US_ASCII));
    }

    /** The keyed hash a recovery code is kept as. */
    public String recoveryCodeHashOf(String code) {
        return recoveryCodeHash(code);
    }

    String recoveryCodeHash(String code) {
        String normalised = code.replace("-", "").replace(" ", "").toLowerCase(java.util.Locale.ROOT);
        return "hmac-sha256:" + HexFormat.of().formatHex(hmac(recoveryCodes, normalised));
    }

    /** A random value of {@code bytes} bytes, URL-safe base64. */
    public String randomToken(int bytes) {
        byte[] value = new byte[bytes];
        random.nextBytes(value);
        return URL.encodeToString(value);
    }

    String seal(byte[] secret) {
        try {
            byte[] nonce = new byte[12];
            random.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, sealing, new GCMParameterSpec(128, nonce));
            byte[] sealed = cipher.doFinal(secret);
            return URL.encodeToString(ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is unavailable", e);
        }
    }

    byte[] unseal(String sealed) {
        try {
            byte[] bytes = Base64.getUrlDecoder().decode(sealed);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, sealing, new GCMParameterSpec(128, bytes, 0, 12));
            return cipher.doFinal(bytes, 12, bytes.length - 12);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("An authenticator secret does not open under this service's pepper", e);
        }
    }

    /** SHA-256 of a random value that is itself the secret (a session id, an authorization code), as hex. */
    public static String sha256(String value) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(value.getBytes(StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is unavailable", e);
        }
    }

    private static byte[] derive(byte[] pepper, String purpose) {
        return hmac(pepper, "idcred-sign-in:" + purpose);
    }

    private static byte[] hmac(byte[] key, String value) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(value.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is unavailable", e);
        }
    }
}
