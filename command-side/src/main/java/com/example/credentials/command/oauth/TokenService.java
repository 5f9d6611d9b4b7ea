package com.example.credentials.command.oauth;

import com.example.credentials.command.Commands;
import com.example.credentials.command.identity.IdentityLookup;
import com.example.credentials.command.identity.IdentityLookup.IdentitySummary;
import com.example.credentials.command.oauth.CredentialLookup.CredentialRecord;
import com.example.credentials.command.oauth.CredentialLookup.RefreshFamilyRecord;
import com.example.credentials.command.secret.SecretFormat;
import com.example.credentials.command.secret.SecretHasher;
import com.example.credentials.command.secret.SecretIssuer;
import com.example.credentials.command.secret.SecretIssuer.IssuedSecret;
import com.example.credentials.shared.common.GrantType;
import com.example.credentials.shared.common.RightsCatalogue;
import com.example.credentials.shared.common.Scopes;
import com.example.credentials.shared.token.IssueRefreshToken;
import com.example.credentials.shared.token.RefreshOutcome;
import com.example.credentials.shared.token.RevokeAccessToken;
import com.example.credentials.shared.token.RevokeRefreshTokenFamily;
import com.example.credentials.shared.token.RotateRefreshToken;
import com.example.credentials.shared.usage.CredentialKind;
import com.example.credentials.web.AccessRefusals;
import com.example.credentials.web.AccessTokenGate;
import com.example.credentials.web.ClientOrigin;
import com.example.credentials.web.TokenClaims;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The token endpoint's grants and its two companions. Client credentials for API clients and personal access
 * tokens: refuses a secret whose checksum fails before any lookup, checks the secret against its keyed hash, a PAT's
 * caller against its owner's network rules, computes the credential's effective rights now, and signs an access
 * token that carries them (with a refresh token for an API client that has the refresh-token grant). Refresh:
 * rotates the family's token (see {@code RefreshTokenFamily}). Introspection (RFC 7662) and revocation (RFC 7009)
 * for the client credentials of any live credential.
 */
@Service
class TokenService {

    /** An access token, what the token response says of it, and the refresh token that came with it, if any. */
    record AccessToken(String value, long expiresIn, String scope, String jti, String refreshToken) {
    }

    private final CredentialLookup credentials;
    private final IdentityLookup identities;
    private final SecretHasher hasher;
    private final SecretIssuer issuer;
    private final RightsCatalogue catalogue;
    private final JwtEncoder encoder;
    private final JwtDecoder decoder;
    private final AccessTokenGate gate;
    private final AccessRefusals refusals;
    private final Commands commands;
    private final UsageRecorder usage;
    private final Clock clock;
    private final MeterRegistry meters;

    TokenService(CredentialLookup credentials, IdentityLookup identities, SecretHasher hasher, SecretIssuer issuer,
                 RightsCatalogue catalogue, JwtEncoder encoder, JwtDecoder decoder, AccessTokenGate gate,
                 AccessRefusals refusals, Commands commands, UsageRecorder usage, Clock clock,
                 MeterRegistry meters) {
        this.credentials = credentials;
        this.identities = identities;
        this.hasher = hasher;
        this.issuer = issuer;
        this.catalogue = catalogue;
        this.encoder = encoder;
        this.decoder = decoder;
        this.gate = gate;
        this.refusals = refusals;
        this.commands = commands;
        this.usage = usage;
        this.clock = clock;
        this.meters = meters;
    }

    AccessToken clientCredentials(String clientId, String clientSecret, ClientOrigin origin) {
        Instant now = clock.instant();
        CredentialRecord credential = authenticate(clientId, clientSecret, now);
        ensureGrant(credential, GrantType.CLIENT_CREDENTIALS);
        IdentitySummary owner = ownerOf(credential, now);
        ensureWithinNetworkRules(credential, owner, origin);
        String familyId = null;
        String refreshToken = null;
        if (credential.kind() == CredentialKind.API_CLIENT && credential.grantTypes().contains(GrantType.REFRESH_TOKEN)) {
            familyId = issuer.newRefreshFamilyId();
            IssuedSecret refresh = issuer.issueRefreshToken(familyId);
            commands.sendAs(new IssueRefreshToken(familyId, credential.clientId(), owner.identityId(), refresh.hash(),
                    now.plusSeconds(credential.refreshTokenValiditySeconds())), owner.identityId());
            refreshToken = refresh.secret();
        }
        return issued(credential, owner, now, familyId, refreshToken);
    }

    AccessToken refresh(String clientId, String clientSecret, String refreshToken) {
        Instant now = clock.instant();
        CredentialRecord credential = authenticate(clientId, clientSecret, now);
        ensureGrant(credential, GrantType.REFRESH_TOKEN);
        IdentitySummary owner = ownerOf(credential, now);
        RefreshFamilyRecord family = SecretFormat.refreshTokenFamily(refreshToken)
                .flatMap(credentials::findRefreshFamily)
                .filter(f -> f.clientId().equals(credential.clientId()))
                .orElseThrow(() -> TokenRequestRefused.invalidGrant("Unknown refresh token"));
        IssuedSecret next = issuer.issueRefreshToken(family.familyId());
        RefreshOutcome outcome = commands.sendAs(new RotateRefreshToken(family.familyId(), hasher.hash(refreshToken),
                next.hash(), now.plusSeconds(credential.refreshTokenValiditySeconds())), owner.identityId());
        meters.counter("credentials.tokens.refreshed", "outcome", outcome.name()).increment();
        return switch (outcome) {
            case ROTATED -> issued(credential, owner, now, family.familyId(), next.secret());
            case REUSED -> throw TokenRequestRefused.invalidGrant(
                    "The refresh token was already used; its family is revoked");
            case EXPIRED -> throw TokenRequestRefused.invalidGrant("The refresh token has expired");
            case REVOKED -> throw TokenRequestRefused.invalidGrant("The refresh token was revoked");
            case UNKNOWN -> throw TokenRequestRefused.invalidGrant("Unknown refresh token");
        };
    }

    /** RFC 7662: what a token is worth now; an inactive token says only {@code active: false}. */
    Introspection introspect(String clientId, String clientSecret, String token) {
        Instant now = clock.instant();
        authenticate(clientId, clientSecret, now);
        if (token == null || token.isBlank()) {
            return Introspection.INACTIVE;
        }
        if (token.startsWith(SecretFormat.REFRESH_PREFIX)) {
            return SecretFormat.refreshTokenFamily(token).flatMap(credentials::findRefreshFamily)
                    .filter(family -> !family.revoked() && now.isBefore(family.expiresAt()))
                    .filter(family -> credentials.findCredential(family.clientId()).isPresent())
                    .map(family -> new Introspection(true, null, family.clientId(), family.clientId(),
                            "refresh_token", family.expiresAt().getEpochSecond(), null, TokenClaims.ISSUER, null,
                            family.ownerId(), CredentialKind.API_CLIENT.name()))
                    .orElse(Introspection.INACTIVE);
        }
        return decode(token).flatMap(jwt -> gate.evaluate(jwt).map(live -> new Introspection(true,
                        live.rights().isEmpty() ? Scopes.DEFAULT : String.join(" ", live.rights()),
                        jwt.getSubject(), jwt.getSubject(), "Bearer", epochSecond(jwt.getExpiresAt()),
                        epochSecond(jwt.getIssuedAt()), TokenClaims.ISSUER, jwt.getId(),
                        live.credential().ownerId(), live.credential().kind() == null ? null
                        : live.credential().kind().name())))
                .orElse(Introspection.INACTIVE);
    }

    private static Long epochSecond(Instant instant) {
        return instant == null ? null : instant.getEpochSecond();
    }

    /**
     * RFC 7009: revokes an access token (by its jti) or a refresh token (its whole family, with the access tokens
     * issued in it) issued to the authenticated client. A token that is invalid, expired or unknown is ignored, as
     * the RFC asks; a valid token of another client is refused.
     */
    void revoke(String clientId, String clientSecret, String token) {
        CredentialRecord caller = authenticate(clientId, clientSecret, clock.instant());
        if (token == null || token.isBlank()) {
            throw new TokenRequestRefused(400, "invalid_request", "token is required");
        }
        if (token.startsWith(SecretFormat.REFRESH_PREFIX)) {
            Optional<RefreshFamilyRecord> family = SecretFormat.refreshTokenFamily(token)
                    .flatMap(credentials::findRefreshFamily);
            if (family.isPresent()) {
                ensureIssuedTo(caller, family.get().clientId());
                commands.sendAs(new RevokeRefreshTokenFamily(family.get().familyId(), hasher.hash(token),
                        "Revoked by its client (RFC 7009)"), caller.ownerId());
            }
            return;
        }
        Optional<Jwt> jwt = decode(token);
        if (jwt.isEmpty() || jwt.get().getId() == null || jwt.get().getExpiresAt() == null) {
            return;
        }
        ensureIssuedTo(caller, jwt.get().getSubject());
        commands.sendAs(new RevokeAccessToken(caller.clientId(), caller.kind(), jwt.get().getId(),
                jwt.get().getExpiresAt(), "Revoked by its client (RFC 7009)"), caller.ownerId());
    }

    private CredentialRecord authenticate(String clientId, String clientSecret, Instant now) {
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
        ownerOf(credential, now);
        return credential;
    }

    private IdentitySummary ownerOf(CredentialRecord credential, Instant now) {
        return identities.find(credential.ownerId())
                .filter(identity -> !identity.accessEndedBy(now))
                .orElseThrow(TokenRequestRefused::invalidClient);
    }

    private static void ensureGrant(CredentialRecord credential, GrantType grant) {
        if (!credential.grantTypes().contains(grant)) {
            throw new TokenRequestRefused(400, "unauthorized_client",
                    "This client may not use the " + grant.name().toLowerCase() + " grant");
        }
    }

    private void ensureWithinNetworkRules(CredentialRecord credential, IdentitySummary owner, ClientOrigin origin) {
        if (credential.kind() != CredentialKind.PERSONAL_ACCESS_TOKEN) {
            return;
        }
        Optional<String> refusal = owner.networkRules().refusalFor(origin.address(), origin.country());
        if (refusal.isPresent()) {
            refusals.record(credential.clientId(), credential.kind(), owner.identityId(), origin, refusal.get(),
                    "POST /oauth/token");
            throw TokenRequestRefused.outsideNetworkRules(refusal.get());
        }
    }

    private static void ensureIssuedTo(CredentialRecord caller, String tokenClientId) {
        if (!caller.clientId().equals(tokenClientId)) {
            throw new TokenRequestRefused(400, "invalid_request", "The token was not issued to this client");
        }
    }

    private Optional<Jwt> decode(String token) {
        try {
            return Optional.of(decoder.decode(token));
        } catch (JwtException e) {
            return Optional.empty();
        }
    }

    private AccessToken issued(CredentialRecord credential, IdentitySummary owner, Instant now, String familyId,
                               String refreshToken) {
        Set<String> rights = catalogue.effectiveRights(credential.scope(), owner.levels());
        String scope = rights.isEmpty() ? Scopes.DEFAULT : String.join(" ", rights);
        String jti = UUID.randomUUID().toString();
        JwtClaimsSet.Builder claims = JwtClaimsSet.builder()
                .issuer(TokenClaims.ISSUER)
                .subject(credential.clientId())
                .issuedAt(now)
                .expiresAt(now.plusSeconds(credential.accessTokenValiditySeconds()))
                .id(jti)
                .claim(TokenClaims.IDENTITY_ID, credential.ownerId())
                .claim(TokenClaims.CREDENTIAL_KIND, credential.kind().name())
                .claim(TokenClaims.SCOPE, scope);
        if (familyId != null) {
            claims.claim(TokenClaims.FAMILY_ID, familyId);
        }
        String value = encoder.encode(JwtEncoderParameters.from(JwsHeader.with(SignatureAlgorithm.RS256).build(),
                claims.build())).getTokenValue();
        usage.used(credential.clientId(), credential.kind(), now);
        meters.counter("credentials.tokens.issued", "credential_kind", credential.kind().name()).increment();
        return new AccessToken(value, credential.accessTokenValiditySeconds(), scope, jti, refreshToken);
    }
}
