package dev.idcred.access.gate;

import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidationException;

import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class VerifiedTokensTest {

    private final AtomicInteger verifications = new AtomicInteger();
    private final Set<String> expired = new HashSet<>();
    private final AtomicLong clock = new AtomicLong();
    private final OAuth2TokenValidator<Jwt> validator = jwt -> expired.contains(jwt.getTokenValue())
            ? OAuth2TokenValidatorResult.failure(new OAuth2Error("invalid_token", "Jwt expired at " + jwt.getExpiresAt(),
            null))
            : OAuth2TokenValidatorResult.success();
    /** Accepts tokens starting "good", refuses the rest, as a signature check would; then validates. */
    private final JwtDecoder verifier = token -> {
        verifications.incrementAndGet();
        if (!token.startsWith("good")) {
            throw new BadJwtException("Signed JWT rejected: Invalid signature");
        }
        Jwt jwt = Jwt.withTokenValue(token).header("alg", "ES256").subject("client")
                .expiresAt(Instant.now().plusSeconds(600)).build();
        if (validator.validate(jwt).hasErrors()) {
            throw new JwtValidationException("expired", validator.validate(jwt).getErrors());
        }
        return jwt;
    };
    private final VerifiedTokens tokens = new VerifiedTokens(verifier, validator, clock::get);

    @Test
    void aTokenIsVerifiedOnceAndThenRecognisedByItsText() {
        Jwt first = tokens.decode("good-1");
        Jwt again = tokens.decode("good-1");

        assertThat(again).isSameAs(first);
        assertThat(verifications).hasValue(1);
        tokens.decode("good-2");
        assertThat(verifications).hasValue(2);
    }

    @Test
    void aRememberedTokenIsValidatedAgainOnEveryUse() {
        tokens.decode("good-1");
        expired.add("good-1");

        assertThatThrownBy(() -> tokens.decode("good-1")).isInstanceOf(JwtValidationException.class)
                .hasMessageStartingWith("An error occurred while attempting to decode the Jwt: Jwt expired at");
        assertThat(tokens.remembered()).isZero();
    }

    @Test
    void aTokenThatFailsIsNeverRemembered() {
        for (int i = 0; i < 3; i++) {
            assertThatThrownBy(() -> tokens.decode("forged")).isInstanceOf(BadJwtException.class);
        }
        assertThat(verifications).hasValue(3);
        assertThat(tokens.remembered()).isZero();
    }

    @Test
    void aSignatureIsTrustedForFiveMinutesAtMostThenVerifiedAgain() {
        tokens.decode("good-1");
        clock.addAndGet(VerifiedTokens.TRUSTED_FOR.toNanos() - 1);
        tokens.decode("good-1");
        assertThat(verifications).hasValue(1);

        clock.addAndGet(1);
        tokens.decode("good-1");
        assertThat(verifications).hasValue(2);
    }

    @Test
    void whenFullTheExpiredGoFirstAndThenEverything() {
        for (int i = 0; i < VerifiedTokens.CAPACITY; i++) {
            tokens.decode("good-" + i);
        }
        expired.add("good-0");
        tokens.decode("good-new");
        assertThat(tokens.remembered()).isEqualTo(VerifiedTokens.CAPACITY);

        tokens.decode("good-newer");
        assertThat(tokens.remembered()).isEqualTo(1);
    }
}
