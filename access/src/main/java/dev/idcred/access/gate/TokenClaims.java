package dev.idcred.access.gate;

import dev.idcred.access.issuer.Issuer;
import dev.idcred.shared.credential.IssuedToken;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;

/** The claims of the access tokens this service issues, beyond the registered JWT claims, and how they are checked. */
public final class TokenClaims {
    /** The identity the token acts for: the credential's owner. */
    public static final String IDENTITY_ID = "identity_id";
    /** Space-separated effective rights, as in RFC 8693's scope claim. */
    public static final String SCOPE = "scope";
    /** {@code API_CLIENT} or {@code PERSONAL_ACCESS_TOKEN}. */
    public static final String CREDENTIAL_KIND = "credential_kind";
    /** The refresh-token family an access token was issued in, if any: revoking the family stops the token. */
    public static final String FAMILY_ID = "fid";
    /** When the token was issued, in epoch milliseconds ({@code iat} has whole seconds only). */
    public static final String ISSUED_AT_MILLIS = "iat_ms";
    /** The client a token was issued to (RFC 9068): the credential, which acts for {@code sub} when that differs. */
    public static final String CLIENT_ID = "client_id";
    /** The audience of every access token: this service's API. */
    public static final String AUDIENCE = "credential-service-api";

    private TokenClaims() {
    }

    /**
     * What makes a signed token acceptable before its credential is asked: our issuer, our audience, and not expired
     * to the second (no clock skew: the one clock that issues the tokens is the one that checks them).
     */
    public static OAuth2TokenValidator<Jwt> validator(Issuer issuer) {
        return new DelegatingOAuth2TokenValidator<>(new JwtTimestampValidator(Duration.ZERO),
                new JwtClaimValidator<Object>("iss", iss -> iss != null && issuer.url().equals(iss.toString())),
                new JwtClaimValidator<Collection<String>>("aud", aud -> aud != null && aud.contains(AUDIENCE)));
    }

    /** The credential that obtained the token: {@code client_id}, or {@code sub} for tokens issued before it. */
    public static String credentialId(Jwt token) {
        String clientId = token.getClaimAsString(CLIENT_ID);
        return clientId != null ? clientId : token.getSubject();
    }

    /** True if the token acts for a person who let the client act for them (the authorization-code grant). */
    public static boolean delegated(Jwt token) {
        String clientId = token.getClaimAsString(CLIENT_ID);
        return clientId != null && !clientId.equals(token.getSubject());
    }

    /** The token as the credential's facts judge it: its id, its family, and when it was issued. */
    public static IssuedToken issued(Jwt token) {
        Object millis = token.getClaims().get(ISSUED_AT_MILLIS);
        Instant issuedAt = millis instanceof Number number ? Instant.ofEpochMilli(number.longValue())
                : token.getIssuedAt();
        return new IssuedToken(token.getId(), token.getClaimAsString(FAMILY_ID), issuedAt);
    }
}
