package dev.idcred.command.secret;

import org.springframework.stereotype.Component;

import java.security.SecureRandom;

/** Makes new credential secrets from a CSPRNG: the clear value for the create response, the hash for the log. */
@Component
public class SecretIssuer {

    /** A secret in clear, to be shown once, and the hash that is all the service keeps of it. */
    public record IssuedSecret(String secret, String hash) {
        @Override
        public String toString() {
            return "IssuedSecret[hash=" + hash + "]";
        }
    }

    private final SecureRandom random = new SecureRandom();
    private final SecretHasher hasher;

    public SecretIssuer(SecretHasher hasher) {
        this.hasher = hasher;
    }

    /** A new secret in the service's format ({@link SecretFormat}): prefix, 256 random bits, checksum. */
    public IssuedSecret issue() {
        String secret = SecretFormat.newSecret(random);
        return new IssuedSecret(secret, hasher.hash(secret));
    }

    /** A refresh token of {@code familyId} in clear, for the token response, and its hash for the log. */
    public IssuedSecret issueRefreshToken(String familyId) {
        String token = SecretFormat.newRefreshToken(random, familyId);
        return new IssuedSecret(token, hasher.hash(token));
    }

    public String newRefreshFamilyId() {
        return SecretFormat.newFamilyId(random);
    }

    /** For a secret the operator chose (the bootstrap client's), so only its hash is kept. */
    public IssuedSecret adopt(String secret) {
        return new IssuedSecret(secret, hasher.hash(secret));
    }
}
