package dev.idcred.command.oauth;

import dev.idcred.command.Commands;
import dev.idcred.command.identity.IdentityLookup.IdentitySummary;
import dev.idcred.command.oauth.ClientAuthentication.AuthenticatedClient;
import dev.idcred.command.oauth.CredentialLookup.CredentialRecord;
import dev.idcred.command.oauth.CredentialLookup.RefreshFamilyRecord;
import dev.idcred.command.secret.SecretFormat;
import dev.idcred.command.secret.SecretHasher;
import dev.idcred.command.secret.SecretIssuer;
import dev.idcred.command.secret.SecretIssuer.IssuedSecret;
import dev.idcred.shared.common.GrantType;
import dev.idcred.shared.common.RightsCatalogue;
import dev.idcred.shared.common.Scopes;
import dev.idcred.shared.token.IssueRefreshToken;
import dev.idcred.shared.token.RefreshOutcome;
import dev.idcred.shared.token.RotateRefreshToken;
import dev.idcred.shared.usage.CredentialKind;
import dev.idcred.access.AccessRefusals;
import dev.idcred.access.ClientOrigin;
import dev.idcred.access.TokenClaims;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The token endpoint's grants. Client credentials for API clients and personal access tokens: authenticates the
 * client ({@link ClientAuthentication}), checks a PAT's caller against its owner's network rules, computes the
 * credential's effective rights now, and signs an access token that carries them (with a refresh token for an API
 * client that has the refresh-token grant). Refresh: rotates the family's token (see {@code RefreshTokenFamily}).
 */
@Service
class TokenService {

    /** An access token, what the token response says of it, and the refresh token that came with it, if any. */
    record AccessToken(String value, long expiresIn, String scope, String jti, String refreshToken) {
    }

    private final ClientAuthentication clients;
    private final CredentialLookup credentials;
    private final SecretHasher hasher;
    private final SecretIssuer issuer;
    private final RightsCatalogue catalogue;
    private final JwtEncoder encoder;
    private final AccessRefusals refusals;
    private final Commands commands;
    private final UsageRecorder usage;
    private final Clock clock;
    private final MeterRegistry meters;

    TokenService(ClientAuthentication clients, CredentialLookup credentials, SecretHasher hasher,
                 SecretIssuer issuer, RightsCatalogue catalogue, JwtEncoder encoder, AccessRefusals refusals,
                 Commands commands, UsageRecorder usage, Clock clock, MeterRegistry meters) {
        this.clients = clients;
        this.credentials = credentials;
        this.hasher = hasher;
        this.issuer = issuer;
        this.catalogue = catalogue;
        this.encoder = encoder;
        this.refusals = refusals;
        this.commands = commands;
        this.usage = usage;
        this.clock = clock;
        this.meters = meters;
    }

    AccessToken clientCredentials(String clientId, String clientSecret, ClientOrigin origin) {
        Instant now = clock.instant();
        AuthenticatedClient client = clients.authenticate(clientId, clientSecret, GrantType.CLIENT_CREDENTIALS, now);
        CredentialRecord credential = client.credential();
        IdentitySummary owner = client.owner();
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
        AuthenticatedClient client = clients.authenticate(clientId, clientSecret, GrantType.REFRESH_TOKEN, now);
        CredentialRecord credential = client.credential();
        IdentitySummary owner = client.owner();
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
