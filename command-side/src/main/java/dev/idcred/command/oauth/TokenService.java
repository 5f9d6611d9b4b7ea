package dev.idcred.command.oauth;

import dev.idcred.access.gate.TokenClaims;
import dev.idcred.access.issuer.Issuer;
import dev.idcred.access.network.AccessRefusals;
import dev.idcred.access.network.ClientOrigin;
import dev.idcred.command.Commands;
import dev.idcred.command.directory.RefreshFamilies;
import dev.idcred.command.secret.KeyMaterial;
import dev.idcred.command.secret.SecretFormat;
import dev.idcred.command.secret.SecretHasher;
import dev.idcred.command.secret.SecretIssuer.IssuedSecret;
import dev.idcred.command.secret.SecretIssuer;
import dev.idcred.shared.common.GrantType;
import dev.idcred.shared.common.Limits;
import dev.idcred.shared.common.NetworkRules;
import dev.idcred.shared.common.RightsCatalogue;
import dev.idcred.shared.common.Scopes;
import dev.idcred.shared.credential.CredentialAccess;
import dev.idcred.shared.credential.CredentialFacts;
import dev.idcred.shared.credential.CredentialStates;
import dev.idcred.shared.credential.DelegatedAccess;
import dev.idcred.shared.credential.IssuedToken;
import dev.idcred.shared.credential.OwnerFacts;
import dev.idcred.shared.token.IssueRefreshToken;
import dev.idcred.shared.token.RefreshOutcome;
import dev.idcred.shared.token.RevokeAccessToken;
import dev.idcred.shared.token.RevokeRefreshTokenFamily;
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
    record AccessToken(String value, long expiresIn, String scope, String jti, String refreshToken,
                       String idToken) {
    }

    static final java.time.Duration ID_TOKEN_VALIDITY = java.time.Duration.ofMinutes(5);

    private final ClientAuthentication clients;
    private final CredentialStates states;
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
    private final AuthorizationCodes codes;
    private final Issuer ourIssuer;

    TokenService(ClientAuthentication clients, CredentialStates states, RefreshFamilies families, SecretHasher hasher, SecretIssuer issuer,
                 RightsCatalogue catalogue, JwtEncoder encoder, KeyMaterial.SigningKeys keys,
                 AccessRefusals refusals, Commands commands, UsageRecorder usage, Clock clock, MeterRegistry meters,
                 Issuer ourIssuer, AuthorizationCodes codes) {
        this.ourIssuer = ourIssuer;
        this.codes = codes;
        this.clients = clients;
        this.states = states;
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
        ClientAuthentication.Authenticated authenticated = clients.authenticateForPerson(client,
                GrantType.REFRESH_TOKEN, origin.address(), now);
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
        DelegatedAccess delegation = null;
        if (family.delegated()) {
            delegation = new DelegatedAccess(access, states.identity(family.identityId()).orElse(null));
            if (!delegation.accepts(new IssuedToken(null, family.familyId(), family.startedAt()), now)) {
                throw TokenRequestRefused.invalidGrant("The refresh token ended: its person left, or withdrew"
                        + " their consent to this client");
            }
        } else if (credential.registration() != null && credential.registration().publicClient()) {
            throw TokenRequestRefused.invalidGrant("Unknown refresh token");
        }
        IssuedSecret next = issuer.issueRefreshToken(family.familyId());
        RefreshOutcome outcome = commands.sendAs(new RotateRefreshToken(family.familyId(), hasher.hash(refreshToken),
                next.hash(), now.plusSeconds(credential.refreshTokenValiditySeconds())), credential.ownerId(),
                credential.credentialId());
        meters.counter("credentials.tokens.refreshed", "outcome", outcome.name()).increment();
        return switch (outcome) {
            case ROTATED -> delegation != null
                    ? issuedFor(delegation, family.scope(), now, family.familyId(), next.secret(), null, origin)
                    : issued(access, now, family.familyId(), next.secret(), authenticated.secretVersion(), origin);
            case REUSED -> throw TokenRequestRefused.invalidGrant(
                    "The refresh token was already used; its family is revoked");
            case EXPIRED -> throw TokenRequestRefused.invalidGrant("The refresh token has expired");
            case REVOKED -> throw TokenRequestRefused.invalidGrant("The refresh token was revoked");
            case UNKNOWN -> throw TokenRequestRefused.invalidGrant("Unknown refresh token");
        };
    }

    /**
     * The authorization-code grant (RFC 6749 §4.1.3 with PKCE, RFC 7636): the code is spent first, whatever else is
     * wrong; it must be this client's, for this redirect URI, with the verifier of its challenge. A code used a
     * second time is refused and what its first use issued is revoked. The token acts for the person within their
     * consent; {@code openid} adds an ID token.
     */
    AccessToken authorizationCode(ClientCredentials client, String code, String redirectUri, String verifier,
                                  ClientOrigin origin) {
        Instant now = clock.instant();
        ClientAuthentication.Authenticated authenticated = clients.authenticateForPerson(client,
                GrantType.AUTHORIZATION_CODE, origin.address(), now);
        CredentialAccess access = authenticated.access();
        CredentialFacts credential = access.credential();
        AuthorizationCodes.Redemption redemption = codes.redeem(code, now);
        if (redemption instanceof AuthorizationCodes.Replayed replayed) {
            revokeWhatTheCodeIssued(replayed);
            throw TokenRequestRefused.invalidGrant("The authorization code was already used: what it issued is"
                    + " revoked");
        }
        if (!(redemption instanceof AuthorizationCodes.First first)) {
            throw TokenRequestRefused.invalidGrant("Unknown authorization code");
        }
        AuthorizationCodes.Grant grant = first.grant();
        if (!grant.clientId().equals(credential.credentialId())) {
            throw TokenRequestRefused.invalidGrant("The authorization code was issued to another client");
        }
        if (!now.isBefore(grant.expiresAt())) {
            throw TokenRequestRefused.invalidGrant("The authorization code has expired");
        }
        if (!grant.redirectUri().equals(redirectUri)) {
            throw TokenRequestRefused.invalidGrant("redirect_uri is not the one the code was issued for");
        }
        if (!Pkce.verifies(verifier, grant.codeChallenge())) {
            throw TokenRequestRefused.invalidGrant("code_verifier does not match the code's challenge");
        }
        var delegation = new DelegatedAccess(access, states.identity(grant.identityId()).orElse(null));
        if (!delegation.accepts(new IssuedToken(null, null, now), now)) {
            throw TokenRequestRefused.invalidGrant("The person left, or no longer lets this client act for them");
        }
        String familyId = null;
        String refreshToken = null;
        if (credential.grantTypes().contains(GrantType.REFRESH_TOKEN)) {
            familyId = issuer.newRefreshFamilyId();
            IssuedSecret refresh = issuer.issueRefreshToken(familyId);
            commands.sendAs(new IssueRefreshToken(familyId, credential.credentialId(), credential.ownerId(),
                    refresh.hash(), now.plusSeconds(credential.refreshTokenValiditySeconds()), grant.identityId(),
                    grant.scope()), grant.identityId(), credential.credentialId());
            refreshToken = refresh.secret();
        }
        AccessToken token = issuedFor(delegation, grant.scope(), now, familyId, refreshToken, grant, origin);
        codes.issued(first.codeHash(), token.jti(), familyId);
        return token;
    }

    private void revokeWhatTheCodeIssued(AuthorizationCodes.Replayed replayed) {
        String reason = "Its authorization code was used a second time";
        if (replayed.issuedFamily() != null) {
            commands.sendAsSystem(new RevokeRefreshTokenFamily(replayed.issuedFamily(), null, reason));
        }
        if (replayed.issuedJti() != null) {
            commands.sendAsSystem(new RevokeAccessToken(replayed.clientId(), CredentialKind.API_CLIENT,
                    replayed.issuedJti(), clock.instant().plusSeconds(Limits.MAX_ACCESS_TOKEN_VALIDITY_SECONDS),
                    reason));
        }
        meters.counter("credentials.tokens.code.replayed").increment();
    }

    /**
     * Signs an access token that acts for a person: {@code sub} the person, {@code client_id} the client, the rights
     * of the delegation now within {@code asked}; with {@code openid} asked (and a code to answer), an ID token.
     */
    private AccessToken issuedFor(DelegatedAccess delegation, List<String> asked, Instant now, String familyId,
                                  String refreshToken, AuthorizationCodes.Grant grant, ClientOrigin origin) {
        CredentialFacts client = delegation.client().credential();
        OwnerFacts person = delegation.person();
        ensureWithinRules(person.networkRules(), client, origin);
        Set<String> rights = new java.util.LinkedHashSet<>(delegation.rightsAt(now, catalogue));
        rights.retainAll(Set.copyOf(asked));
        List<String> protocol = asked.stream().filter(Scopes.PROTOCOL::contains).toList();
        List<String> granted = new java.util.ArrayList<>(protocol);
        granted.addAll(rights);
        String scope = granted.isEmpty() ? Scopes.DEFAULT : String.join(" ", granted);
        Instant expiresAt = now.plusSeconds(client.accessTokenValiditySeconds());
        if (client.expiresAt() != null && client.expiresAt().isBefore(expiresAt)) {
            expiresAt = client.expiresAt();
        }
        String jti = UUID.randomUUID().toString();
        JwtClaimsSet.Builder claims = JwtClaimsSet.builder()
                .issuer(ourIssuer.url())
                .audience(List.of(TokenClaims.AUDIENCE))
                .subject(person.identityId())
                .issuedAt(now)
                .expiresAt(expiresAt)
                .id(jti)
                .claim(TokenClaims.ISSUED_AT_MILLIS, now.toEpochMilli())
                .claim(TokenClaims.CLIENT_ID, client.credentialId())
                .claim(TokenClaims.IDENTITY_ID, person.identityId())
                .claim(TokenClaims.CREDENTIAL_KIND, client.kind().name())
                .claim(TokenClaims.SCOPE, scope);
        if (familyId != null) {
            claims.claim(TokenClaims.FAMILY_ID, familyId);
        }
        String value = encoder.encode(JwtEncoderParameters.from(header, claims.build())).getTokenValue();
        String idToken = null;
        if (grant != null && protocol.contains(Scopes.OPENID)) {
            JwtClaimsSet.Builder id = JwtClaimsSet.builder()
                    .issuer(ourIssuer.url())
                    .subject(person.identityId())
                    .audience(List.of(client.credentialId()))
                    .issuedAt(now)
                    .expiresAt(now.plus(ID_TOKEN_VALIDITY))
                    .claim("auth_time", grant.authTime().getEpochSecond())
                    .claim("azp", client.credentialId());
            if (grant.nonce() != null) {
                id.claim("nonce", grant.nonce());
            }
            if (protocol.contains(Scopes.PROFILE)) {
                id.claim("name", person.name());
            }
            idToken = encoder.encode(JwtEncoderParameters.from(header, id.build())).getTokenValue();
        }
        usage.used(client.credentialId(), client.kind(), now, 0, origin);
        meters.counter("credentials.tokens.issued", "credential_kind", "DELEGATED").increment();
        return new AccessToken(value, Math.max(0, expiresAt.getEpochSecond() - now.getEpochSecond()), scope, jti,
                refreshToken, idToken);
    }

    private void ensureWithinRules(NetworkRules rules, CredentialFacts client, ClientOrigin origin) {
        Optional<NetworkRules.Refusal> refusal = rules.refusalFor(origin.address(), origin.country());
        if (refusal.isPresent()) {
            refusals.record(client, origin, refusal.get(), "POST /oauth/token");
            throw TokenRequestRefused.outsideNetworkRules(refusal.get().reason());
        }
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
                .issuer(ourIssuer.url())
                .audience(List.of(TokenClaims.AUDIENCE))
                .subject(credential.credentialId())
                .issuedAt(now)
                .expiresAt(expiresAt)
                .id(jti)
                .claim(TokenClaims.ISSUED_AT_MILLIS, now.toEpochMilli())
                .claim(TokenClaims.CLIENT_ID, credential.credentialId())
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
                refreshToken, null);
    }
}
