package dev.idcred.command.oauth;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import dev.idcred.access.gate.TokenClaims;
import dev.idcred.access.gate.VerifiedTokens;
import dev.idcred.access.issuer.Issuer;
import dev.idcred.command.secret.KeyMaterial;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

import java.util.Set;

/**
 * The keys that sign access tokens (ES256 by default, RS256 by configuration), the encoder that signs with the
 * current one, and the decoder that verifies on this side with any of them. The public halves are published at
 * {@code /oauth/jwks} for other verifiers.
 */
@Configuration
class SigningConfiguration {

    @Bean
    KeyMaterial.SigningKeys signingKeys(KeyMaterial keys) {
        return keys.signingKeys();
    }

    @Bean
    JwtEncoder jwtEncoder(KeyMaterial.SigningKeys keys) {
        return new NimbusJwtEncoder(new ImmutableJWKSet<>(new JWKSet(keys.current())));
    }

    @Bean
    JwtDecoder jwtDecoder(KeyMaterial.SigningKeys keys, Issuer issuer) {
        var processor = new DefaultJWTProcessor<SecurityContext>();
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(Set.of(JWSAlgorithm.ES256, JWSAlgorithm.RS256),
                new ImmutableJWKSet<>(new JWKSet(keys.all().stream().map(JWK::toPublicJWK).toList()))));
        processor.setJWTClaimsSetVerifier((claims, context) -> {
        });
        NimbusJwtDecoder decoder = new NimbusJwtDecoder(processor);
        decoder.setJwtValidator(TokenClaims.validator(issuer));
        return new VerifiedTokens(decoder, TokenClaims.validator(issuer));
    }
}
