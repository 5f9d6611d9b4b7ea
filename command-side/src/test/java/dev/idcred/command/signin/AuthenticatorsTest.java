package dev.idcred.command.signin;

import org.apache.commons.codec.binary.Base32;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.nio.ByteBuffer;
import java.time.Instant;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An authenticator app reads only the {@code otpauth://} URI: the codes it computes from that URI's secret, as RFC
 * 6238 says (written out here independently of the service's TOTP library), are the codes the service accepts.
 */
class AuthenticatorsTest {

    private final Authenticators authenticators = new Authenticators();

    @Test
    void theCodeAnAppComputesFromTheUriIsAccepted() throws Exception {
        byte[] secret = authenticators.newSecret();
        URI uri = URI.create(authenticators.uri(secret, "ada.lovelace"));
        String base32 = uri.getQuery().replaceAll(".*secret=([A-Z2-7]+).*", "$1");
        byte[] key = new Base32().decode(base32);
        assertThat(key).as("160 bits, as RFC 4226 recommends").hasSize(20);

        Instant now = Instant.parse("2026-12-02T12:00:10Z");
        long step = now.getEpochSecond() / 30;
        String appCode = totp(key, step);

        assertThat(authenticators.stepOf(secret, appCode, now)).hasValue(step);
        assertThat(authenticators.stepOf(secret, totp(key, step + 1), now)).hasValue(step + 1);
        assertThat(authenticators.stepOf(secret, totp(key, step + 2), now)).isEmpty();
        assertThat(authenticators.stepOf(secret, totp(key, step - 2), now)).isEmpty();
    }

    @Test
    void rfc6238TestVectorHoldsForTheIndependentComputation() throws Exception {
        byte[] key = "12345678901234567890".getBytes();
        assertThat(totp(key, 59 / 30)).isEqualTo("287082");
        assertThat(totp(key, 1111111109L / 30)).isEqualTo("081804");
    }

    private static String totp(byte[] key, long step) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA1");
        mac.init(new SecretKeySpec(key, "HmacSHA1"));
        byte[] hash = mac.doFinal(ByteBuffer.allocate(8).putLong(step).array());
        int offset = hash[hash.length - 1] & 0x0f;
        int binary = ((hash[offset] & 0x7f) << 24) | ((hash[offset + 1] & 0xff) << 16)
                | ((hash[offset + 2] & 0xff) << 8) | (hash[offset + 3] & 0xff);
        return String.format("%06d", binary % 1_000_000);
    }
}
