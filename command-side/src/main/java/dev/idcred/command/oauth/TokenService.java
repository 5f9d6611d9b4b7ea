package dev.idcred.command.oauth;

import dev.idcred.access.gate.TokenClaims;
import dev.idcred.access.network.AccessRefusals;
import dev.idcred.access.network.ClientOrigin;
import dev.idcred.command.Commands;
import dev.idcred.command.directory.RefreshFamilies;
import dev.idcred.command.secret.KeyMaterial;
import dev.idcred.command.secret.SecretFormat;
import dev.idcred.command.secret.SecretHasher;
import dev.idcred.command.secret.SecretIssuer;
import dev.idcred.command.secret.SecretIssuer.IssuedSecret;
import dev.idcred.shared.common.GrantType;
import dev.idcred.shared.common.NetworkRules;
import dev.idcred.shared.common.RightsCatalogue;
import dev.idcred.shared.common.Scopes;
import dev.idcred.shared.credential.CredentialAccess;
import dev.idcred.shared.credential.CredentialFacts;
import dev.idcred.shared.token.IssueRefreshToken;
import dev.idcred.shared.token.RefreshOutcome;
import dev.idcred.shared.token.RotateRefreshToken;
import dev.idcred.shared.usage.CredentialKind;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The token endpoint's grants. Client credentials for API clients and personal access tokens: authenticates the
 * client ({@link ClientAuthentication}), checks a PAT's caller against its owner's network rules, takes the
 * credential's rights now ({@link CredentialAccess}), and signs an access token that carries them (with a refresh
 * token for an API client that has the refresh-token grant). Refresh: rotates the family's token (see
 * {@code RefreshTokenFamily}); a family begun before its client was disabled or lost the grant is over.
 */
@Service
class TokenService {

    /** An access token, what the token response says of it, and the refresh token that came with it, if any. */
    record AccessToken(String value, long expiresIn, String scope, String jti, String refreshToken) {
    }

    private final ClientAuthentication clients;
    private final RefreshFamilies families;
    private final SecretHasher hasher;
    private final SecretIssuer issuer;
    private final RightsCatalogue catalogue;
    private final JwtEncoder encoder;
    private final JwsHeader header;
    private final AccessRefusals refusals;
    private final Commands commands;
    private final UsageRecorder usage;
    private final Clock clock;
    private final MeterRegistry meters;

    TokenService(ClientAuthentication clients, RefreshFamilies families, SecretHasher hasher, SecretIssuer issuer,
                 RightsCatalogue catalogue, JwtEncoder encoder, KeyMaterial.SigningKeys keys,
                 AccessRefusals refusals, Commands commands, UsageRecorder usage, Clock clock, MeterRegistry meters) {
        this.clients = clients;
        this.families = families;
        this.hasher = hasher;
        this.issuer = issuer;
        this.catalogue = catalogue;
        this.encoder = encoder;
        this.header = JwsHeader.with(SignatureAlgorithm.from(keys.algorithm().getName()))
                .keyId(keys.current().getKeyID()).build();
        this.refusals = refusals;
        this.commands = commands;
        this.usage = usage;
        this.clock = clock;
        this.meters = meters;
    }

    AccessToken clientCredentials(ClientCredentials client, ClientOrigin origin) {
        Instant now = clock.instant();
        ClientAuthentication.Authenticated authenticated = clients.authenticate(client, GrantType.CLIENT_CREDENTIALS,
                origin.address(), now);
        CredentialAccess access = authenticated.access();
        CredentialFacts credential = access.credential();
        ensureWithinNetworkRules(access, origin);
        String familyId = null;
        String refreshToken = null;
        if (credential.kind() == CredentialKind.API_CLIENT && credential.grantTypes().contains(GrantType.REFRESH_TOKEN)) {
            familyId = issuer.newRefreshFamilyId();
            IssuedSecret refresh = issuer.issueRefreshToken(familyId);
            commands.sendAs(new IssueRefreshToken(familyId, credential.credentialId(), credential.ownerId(),
                    refresh.hash(), now.plusSeconds(credential.refreshTokenValiditySeconds())), credential.ownerId(),
                    credential.credentialId());
            refreshToken = refresh.secret();
        }
        return issued(access, now, familyId, refreshToken, authenticated.secretVersion(), origin);
    }

    AccessToken refresh(ClientCredentials client, String refreshToken, ClientOrigin origin) {
        Instant now = clock.instant();
        ClientAuthentication.Authenticated authenticated = clients.authenticate(client, GrantType.REFRESH_TOKEN,
                origin.address(), now);
        CredentialAccess access = authenticated.access();
        CredentialFacts credential = access.credential();
        RefreshFamilies.Family family = SecretFormat.refreshTokenFamily(refreshToken)
                .flatMap(families::find)
                .filter(f -> f.clientId().equals(credential.credentialId()))
                .orElseThrow(() -> TokenRequestRefused.invalidGrant("Unknown refresh token"));
        if (credential.refreshFamilyEnded(family.startedAt())) {
            throw TokenRequestRefused.invalidGrant("The refresh token ended when its client was disabled or lost"
                    + " the refresh-token grant");
        }
        IssuedSecret next = issuer.issueRefreshToken(family.familyId());
        RefreshOutcome outcome = commands.sendAs(new RotateRefreshToken(family.familyId(), hasher.hash(refreshToken),
                next.hash(), now.plusSeconds(credential.refreshTokenValiditySeconds())), credential.ownerId(),
                credential.credentialId());
        meters.counter("credentials.tokens.refreshed", "outcome", outcome.name()).increment();
        return switch (outcome) {
            case ROTATED -> issued(access, now, family.familyId(), next.secret(), authenticated.secretVersion(),
                    origin);
            case REUSED -> throw TokenRequestRefused.invalidGrant(
                    "The refresh token was already used; its family is revoked");
            case EXPIRED -> throw TokenRequestRefused.invalidGrant("The refresh token has expired");
            case REVOKED -> throw TokenRequestRefused.invalidGrant("The refresh token was revoked");
            case UNKNOWN -> throw TokenRequestRefused.invalidGrant("Unknown refresh token");
        };
    }

    private void ensureWithinNetworkRules(CredentialAccess access, ClientOrigin origin) {
        Optional<NetworkRules.Refusal> refusal = access.networkRules().refusalFor(origin.address(), origin.country());
        if (refusal.isPresent()) {
            refusals.record(access.credential(), origin, refusal.get(), "POST /oauth/token");
            throw TokenRequestRefused.outsideNetworkRules(refusal.get().reason());
        }
    }

    /**
     * Signs an access token with the credential's rights now, valid for the credential's access-token validity but
     * never past the credential's own expiry, and counts it as usage of the secret version and from the origin.
     */
    private AccessToken issued(CredentialAccess access, Instant now, String familyId, String refreshToken,
                               int secretVersion, ClientOrigin origin) {
        CredentialFacts credential = access.credential();
        Instant expiresAt = now.plusSeconds(credential.accessTokenValiditySeconds());
        if (credential.expiresAt() != null && credential.expiresAt().isBefore(expiresAt)) {
            expiresAt = credential.expiresAt();
        }
        Set<String> rights = access.rightsAt(now, catalogue);
        String scope = rights.isEmpty() ? Scopes.DEFAULT : String.join(" ", rights);
        String jti = UUID.randomUUID().toString();
        JwtClaimsSet.Builder claims = JwtClaimsSet.builder()
                .issuer(TokenClaims.ISSUER)
                .audience(List.of(TokenClaims.AUDIENCE))
                .subject(credential.credentialId())
                .issuedAt(now)
                .expiresAt(expiresAt)
                .id(jti)
                .claim(TokenClaims.ISSUED_AT_MILLIS, now.toEpochMilli())
                .claim(TokenClaims.IDENTITY_ID, credential.ownerId())
                .claim(TokenClaims.CREDENTIAL_KIND, credential.kind().name())
                .claim(TokenClaims.SCOPE, scope);
        if (familyId != null) {
            claims.claim(TokenClaims.FAMILY_ID, familyId);
        }
        String value = encoder.encode(JwtEncoderParameters.from(header, claims.build())).getTokenValue();
        usage.used(credential.credentialId(), credential.kind(), now, secretVersion, origin);
        meters.counter("credentials.tokens.issued", "credential_kind", credential.kind().name()).increment();
        return new AccessToken(value, Math.max(0, expiresAt.getEpochSecond() - now.getEpochSecond()), scope, jti,
                refreshToken);
    }
}
