package dev.idcred.access.gate;

import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtValidationException;

import java.time.Duration;
import java.util.Collection;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Verifies each distinct access token's signature once, not on every call: an ES256 verification is two elliptic-curve
 * multiplications, most of what an authenticated call costs. A token whose signature was verified is remembered by
 * its exact text for at most {@link #TRUSTED_FOR} (as long as a verifier keeps a fetched key set), so a key withdrawn
 * from the set stops its tokens as soon as it would without this. Nothing else is skipped: the claims are validated
 * again on every use (expiry to the second), and the gate still asks about the credential on every call, so a
 * deleted, disabled or revoked credential is refused at its next call as before. A token that fails is never
 * remembered. At most {@link #CAPACITY} tokens are remembered; when full, the expired go first, then all.
 */
public final class VerifiedTokens implements JwtDecoder {

    static final int CAPACITY = 4_096;
    static final Duration TRUSTED_FOR = Duration.ofMinutes(5);

    private record Verified(Jwt jwt, long verifiedAt) {
    }

    private final JwtDecoder verifier;
    private final OAuth2TokenValidator<Jwt> validator;
    private final LongSupplier nanoTime;
    private final ConcurrentHashMap<String, Verified> verified = new ConcurrentHashMap<>();

    /** {@code verifier} checks the signature and then {@code validator}; the validator is applied again on reuse. */
    public VerifiedTokens(JwtDecoder verifier, OAuth2TokenValidator<Jwt> validator) {
        this(verifier, validator, System::nanoTime);
    }

    VerifiedTokens(JwtDecoder verifier, OAuth2TokenValidator<Jwt> validator, LongSupplier nanoTime) {
        this.verifier = verifier;
        this.validator = validator;
        this.nanoTime = nanoTime;
    }

    @Override
    public Jwt decode(String token) throws JwtException {
        Verified known = verified.get(token);
        long now = nanoTime.getAsLong();
        if (known != null && now - known.verifiedAt() < TRUSTED_FOR.toNanos()) {
            OAuth2TokenValidatorResult result = validator.validate(known.jwt());
            if (result.hasErrors()) {
                verified.remove(token);
                throw new JwtValidationException(messageOf(result.getErrors()), result.getErrors());
            }
            return known.jwt();
        }
        Jwt jwt = verifier.decode(token);
        remember(token, new Verified(jwt, now));
        return jwt;
    }

    int remembered() {
        return verified.size();
    }

    private void remember(String token, Verified entry) {
        if (verified.size() >= CAPACITY) {
            long now = nanoTime.getAsLong();
            verified.values().removeIf(known -> now - known.verifiedAt() >= TRUSTED_FOR.toNanos()
                    || validator.validate(known.jwt()).hasErrors());
            if (verified.size() >= CAPACITY) {
                verified.clear();
            }
        }
        verified.put(token, entry);
    }

    /** The message Spring's own decoder gives a token that fails validation, so refusals read the same. */
    private static String messageOf(Collection<OAuth2Error> errors) {
        return errors.stream().map(OAuth2Error::getDescription).filter(d -> d != null && !d.isEmpty()).findFirst()
                .map(d -> "An error occurred while attempting to decode the Jwt: " + d)
                .orElse("Unable to validate Jwt");
    }
}
