package dev.idcred.command.secret;

import org.junit.jupiter.api.Test;

import java.security.SecureRandom;
import java.util.HashSet;

import static org.assertj.core.api.Assertions.assertThat;

class SecretFormatTest {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

    @Test
    void newSecretsCarryThePrefixAndAValidChecksum() {
        var seen = new HashSet<String>();
        for (int i = 0; i < 1000; i++) {
            String secret = SecretFormat.newSecret(RANDOM);
            assertThat(secret).matches("idcs_[0-9A-Za-z]{49}");
            assertThat(SecretFormat.isMistyped(secret)).isFalse();
            seen.add(secret);
        }
        assertThat(seen).hasSize(1000);
    }

    @Test
    void everySingleCharacterTypoIsCaughtByTheChecksum() {
        String secret = SecretFormat.newSecret(RANDOM);
        for (int position = SecretFormat.PREFIX.length(); position < secret.length(); position++) {
            for (char replacement : BASE62.toCharArray()) {
                if (replacement != secret.charAt(position)) {
                    String typo = secret.substring(0, position) + replacement + secret.substring(position + 1);
                    assertThat(SecretFormat.isMistyped(typo)).as(typo).isTrue();
                }
            }
        }
    }

    @Test
    void truncatedOrExtendedSecretIsMistyped() {
        String secret = SecretFormat.newSecret(RANDOM);
        assertThat(SecretFormat.isMistyped(secret.substring(0, secret.length() - 1))).isTrue();
        assertThat(SecretFormat.isMistyped(secret + "0")).isTrue();
    }

    @Test
    void secretWithoutThePrefixIsLeftToTheOrdinaryCheck() {
        assertThat(SecretFormat.isMistyped("an-operator-chosen-bootstrap-secret")).isFalse();
    }
}
