package dev.idcred.query.processing;

import dev.idcred.access.gate.TokenClaims;
import dev.idcred.access.gate.VerifiedTokens;
import dev.idcred.access.issuer.Issuer;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

import java.net.URI;

/**
 * The query side on its own verifies access tokens with the key set the command side publishes
 * ({@code JWK_SET_URI}), with the same rules as the command side: ES256 or RS256, our issuer and audience, expiry to
 * the second. Where both sides share a process, the command side's own keys verify.
 */
@Configuration
@ConditionalOnProperty("credentials.jwk-set-uri")
@EnableConfigurationProperties(TokenVerification.KeySet.class)
class TokenVerification {

    /** Where the command side publishes its verification keys: {@code JWK_SET_URI}. */
    @ConfigurationProperties("credentials")
    record KeySet(URI jwkSetUri) {
    }

    @Bean
    JwtDecoder jwtDecoder(KeySet keySet, Issuer issuer) {
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(keySet.jwkSetUri().toString())
                .jwsAlgorithm(SignatureAlgorithm.ES256)
                .jwsAlgorithm(SignatureAlgorithm.RS256)
                .build();
        decoder.setJwtValidator(TokenClaims.validator(issuer));
        return new VerifiedTokens(decoder, TokenClaims.validator(issuer));
    }
}
