package dev.idcred.command.secret;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.nio.file.Path;

/**
 * The service's own key material: where it is kept ({@code DATA_DIR/keys}), or given by the environment for several
 * command-side instances that must agree ({@code SECRET_PEPPER}: base64 of at least 32 random bytes;
 * {@code SIGNING_KEY}: a JWK with its private part), and the algorithm new access tokens are signed with
 * ({@code ES256}, or {@code RS256} for verifiers that need it).
 */
@ConfigurationProperties("credentials")
public record KeyProperties(Path dataDir, String secretPepper, String signingKey,
                            @DefaultValue("ES256") String signingAlgorithm) {

    public KeyProperties {
        secretPepper = secretPepper == null ? "" : secretPepper.strip();
        signingKey = signingKey == null ? "" : signingKey.strip();
        if (!signingAlgorithm.equals("ES256") && !signingAlgorithm.equals("RS256")) {
            throw new IllegalArgumentException("credentials.signing-algorithm (SIGNING_ALGORITHM) must be ES256 or"
                    + " RS256, not " + signingAlgorithm);
        }
    }

    @Override
    public String toString() {
        return "KeyProperties[dataDir=" + dataDir + ", signingAlgorithm=" + signingAlgorithm + "]";
    }
}
