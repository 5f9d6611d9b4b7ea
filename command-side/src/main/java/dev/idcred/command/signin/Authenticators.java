package dev.idcred.command.signin;

import com.bastiaanjansen.otp.HMACAlgorithm;
import com.bastiaanjansen.otp.SecretGenerator;
import com.bastiaanjansen.otp.TOTPGenerator;
import io.nayuki.qrcodegen.QrCode;
import org.springframework.stereotype.Component;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/**
 * Authenticator apps (TOTP, RFC 6238: HMAC-SHA1, six digits, 30-second steps, as every app reads them): new secrets,
 * their {@code otpauth://} URI and QR code, and which time step a code belongs to (the one before and after count
 * too, for clocks that drift), so that a code is accepted only for a step later than the last one used.
 */
@Component
public class Authenticators {

    static final Duration STEP = Duration.ofSeconds(30);
    private static final String ISSUER = "Credential Service";

    /**
     * A new secret: 160 random bits, as RFC 4226 recommends, held as otp-java holds it (the ASCII of its base32
     * form, which is also what the app is given).
     */
    public byte[] newSecret() {
        return SecretGenerator.generate(160);
    }

    public String uri(byte[] secret, String username) {
        String label = URLEncoder.encode(ISSUER + ":" + username, StandardCharsets.UTF_8).replace("+", "%20");
        return "otpauth://totp/" + label + "?secret=" + new String(secret, StandardCharsets.US_ASCII)
                + "&issuer="
                + URLEncoder.encode(ISSUER, StandardCharsets.UTF_8).replace("+", "%20")
                + "&algorithm=SHA1&digits=6&period=30";
    }

    /** The QR code of {@code text} as an SVG document. */
    public String qrSvg(String text) {
        QrCode qr = QrCode.encodeText(text, QrCode.Ecc.MEDIUM);
        int border = 4;
        StringBuilder path = new StringBuilder();
        for (int y = 0; y < qr.size; y++) {
            for (int x = 0; x < qr.size; x++) {
                if (qr.getModule(x, y)) {
                    path.append(path.isEmpty() ? "" : " ").append("M").append(x + border).append(",")
                            .append(y + border).append("h1v1h-1z");
                }
            }
        }
        int size = qr.size + border * 2;
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " + size + " " + size
                + "\" width=\"220\" height=\"220\" role=\"img\" aria-label=\"QR code of the authenticator URI\">"
                + "<rect width=\"100%\" height=\"100%\" fill=\"#fff\"/><path d=\"" + path + "\" fill=\"#000\"/></svg>";
    }

    /** The time step {@code code} is valid for at {@code now}, within one step either side; empty if none. */
    public OptionalLong stepOf(byte[] secret, String code, Instant now) {
        if (code == null || !code.strip().matches("\\d{6}")) {
            return OptionalLong.empty();
        }
        TOTPGenerator totp = new TOTPGenerator.Builder(secret)
                .withHOTPGenerator(b -> b.withPasswordLength(6).withAlgorithm(HMACAlgorithm.SHA1))
                .withPeriod(STEP).build();
        long current = now.getEpochSecond() / STEP.toSeconds();
        byte[] given = code.strip().getBytes(StandardCharsets.US_ASCII);
        OptionalLong matched = OptionalLong.empty();
        for (long step = current - 1; step <= current + 1; step++) {
            byte[] expected = totp.at(Instant.ofEpochSecond(step * STEP.toSeconds()))
                    .getBytes(StandardCharsets.US_ASCII);
            if (MessageDigest.isEqual(expected, given) && matched.isEmpty()) {
                matched = OptionalLong.of(step);
            }
        }
        return matched;
    }

    /** Ten recovery codes of 50 random bits each, as {@code xxxxx-xxxxx}, lower-case base32. */
    public List<String> newRecoveryCodes(SignInKeys keys) {
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            String code = base32(java.util.Arrays.copyOf(
                    java.util.Base64.getUrlDecoder().decode(keys.randomToken(8)), 7)).substring(0, 10)
                    .toLowerCase(java.util.Locale.ROOT);
            codes.add(code.substring(0, 5) + "-" + code.substring(5));
        }
        return codes;
    }

    static String base32(byte[] bytes) {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        StringBuilder out = new StringBuilder();
        int buffer = 0;
        int bits = 0;
        for (byte b : bytes) {
            buffer = (buffer << 8) | (b & 0xff);
            bits += 8;
            while (bits >= 5) {
                out.append(alphabet.charAt((buffer >> (bits - 5)) & 31));
                bits -= 5;
            }
        }
        if (bits > 0) {
            out.append(alphabet.charAt((buffer << (5 - bits)) & 31));
        }
        return out.toString();
    }
}
