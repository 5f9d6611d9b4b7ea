package com.example.credentials.command.oauth;

import com.example.credentials.command.identity.IdentityLookup;
import com.example.credentials.command.identity.IdentityLookup.IdentitySummary;
import com.example.credentials.command.oauth.CredentialLookup.CredentialRecord;
import com.example.credentials.command.secret.SecretFormat;
import com.example.credentials.command.secret.SecretHasher;
import com.example.credentials.shared.common.GrantType;
import com.example.credentials.shared.common.RightsCatalogue;
import com.example.credentials.shared.common.Scopes;
import com.example.credentials.web.TokenClaims;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/**
 * The client credentials grant for API clients and personal access tokens: refuses a secret whose checksum fails
 * before any lookup, checks the secret against its keyed hash, computes the credential's effective rights now, and signs an access token that carries them.
 */
@Service
class TokenService {

    /** An access token and what the token response says of it. */
    record AccessToken(String value, long expiresIn, String scope, String jti) {
    }

    private final CredentialLookup credentials;
    private final IdentityLookup identities;
    private final SecretHasher hasher;
    private final RightsCatalogue catalogue;
    private final JwtEncoder encoder;
    private final UsageRecorder usage;
    private final Clock clock;
    private final MeterRegistry meters;

    TokenService(CredentialLookup credentials, IdentityLookup identities, SecretHasher hasher,
                 RightsCatalogue catalogue, JwtEncoder encoder, UsageRecorder usage, Clock clock,
                 MeterRegistry meters) {
        this.meters = meters;
        this.credentials = credentials;
        this.identities = identities;
        this.hasher = hasher;
        this.catalogue = catalogue;
        this.encoder = encoder;
        this.usage = usage;
        this.clock = clock;
    }

    AccessToken clientCredentials(String clientId, String clientSecret) {
        if (clientId == null || clientId.isBlank() || clientSecret == null || clientSecret.isEmpty()) {
            throw TokenRequestRefused.invalidClient();
        }
        if (SecretFormat.isMistyped(clientSecret)) {
            meters.counter("credentials.tokens.mistyped.secrets").increment();
            throw TokenRequestRefused.invalidClient();
        }
        CredentialRecord credential = credentials.findCredential(clientId)
                .filter(c -> hasher.matches(clientSecret, c.secretHash()))
                .filter(CredentialRecord::enabled)
                .orElseThrow(TokenRequestRefused::invalidClient);
        if (!credential.grantTypes().contains(GrantType.CLIENT_CREDENTIALS)) {
            throw new TokenRequestRefused(400, "unauthorized_client",
                    "This client may not use the client_credentials grant");
        }
        Instant now = clock.instant();
        IdentitySummary owner = identities.find(credential.ownerId())
                .filter(identity -> !identity.accessEndedBy(now))
                .orElseThrow(TokenRequestRefused::invalidClient);
        Set<String> rights = catalogue.effectiveRights(credential.scope(), owner.levels());
        AccessToken token = sign(credential, rights, now);
        usage.used(credential.clientId(), credential.kind(), now);
        meters.counter("credentials.tokens.issued", "credential_kind", credential.kind().name()).increment();
        return token;
    }

    private AccessToken sign(CredentialRecord credential, Set<String> rights, Instant now) {
        String scope = rights.isEmpty() ? Scopes.DEFAULT : String.join(" ", rights);
        String jti = UUID.randomUUID().toString();
        JwtClaimsSet claims = JwtClaimsSet.builder()
                .issuer(TokenClaims.ISSUER)
                .subject(credential.clientId())
                .issuedAt(now)
                .expiresAt(now.plusSeconds(credential.accessTokenValiditySeconds()))
                .id(jti)
                .claim(TokenClaims.IDENTITY_ID, credential.ownerId())
                .claim(TokenClaims.CREDENTIAL_KIND, credential.kind().name())
                .claim(TokenClaims.SCOPE, scope)
                .build();
        String value = encoder.encode(JwtEncoderParameters.from(JwsHeader.with(SignatureAlgorithm.RS256).build(),
                claims)).getTokenValue();
        return new AccessToken(value, credential.accessTokenValiditySeconds(), scope, jti);
    }
}
