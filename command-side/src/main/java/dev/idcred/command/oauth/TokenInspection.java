package dev.idcred.command.oauth;

import dev.idcred.access.gate.AccessTokenGate;
import dev.idcred.access.gate.TokenClaims;
import dev.idcred.access.issuer.Issuer;
import dev.idcred.command.Commands;
import dev.idcred.command.directory.RefreshFamilies;
import dev.idcred.command.secret.SecretFormat;
import dev.idcred.command.secret.SecretHasher;
import dev.idcred.shared.common.GrantType;
import dev.idcred.shared.common.Scopes;
import dev.idcred.shared.credential.CredentialFacts;
import dev.idcred.shared.credential.CredentialStates;
import dev.idcred.shared.token.RevokeAccessToken;
import dev.idcred.shared.token.RevokeRefreshTokenFamily;
import dev.idcred.shared.usage.CredentialKind;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * The token endpoint's two companions for other resource servers and for clients: introspection (RFC 7662), which
 * weighs a token exactly as our own API does ({@link AccessTokenGate}), and revocation (RFC 7009).
 */
@Service
class TokenInspection {

    private final ClientAuthentication clients;
    private final CredentialStates states;
    private final RefreshFamilies families;
    private final SecretHasher hasher;
    private final JwtDecoder decoder;
    private final AccessTokenGate gate;
    private final Commands commands;
    private final Issuer issuer;
    private final Clock clock;

    TokenInspection(ClientAuthentication clients, CredentialStates states, RefreshFamilies families,
                    SecretHasher hasher, JwtDecoder decoder, AccessTokenGate gate, Commands commands, Issuer issuer,
                    Clock clock) {
        this.issuer = issuer;
        this.clients = clients;
        this.states = states;
        this.families = families;
        this.hasher = hasher;
        this.decoder = decoder;
        this.gate = gate;
        this.commands = commands;
        this.clock = clock;
    }

    /**
     * RFC 7662: what a token is worth now; an inactive token (expired, revoked, unknown) says only
     * {@code active: false}. A refresh token is active while it is its family's current one, unexpired and unrevoked,
     * and its client may still refresh.
     */
    Introspection introspect(ClientCredentials caller, String token, String address) {
        Instant now = clock.instant();
        clients.authenticate(caller, address, now);
        if (token == null || token.isBlank()) {
            return Introspection.INACTIVE;
        }
        if (token.startsWith(SecretFormat.REFRESH_PREFIX)) {
            return SecretFormat.refreshTokenFamily(token).flatMap(families::find)
                    .filter(family -> !family.revoked() && now.isBefore(family.expiresAt()))
                    .filter(family -> hasher.matches(token, family.secretHash()))
                    .filter(family -> states.credential(family.clientId())
                            .filter(client -> client.usableAt(now))
                            .map(client -> client.credential())
                            .filter(client -> client.grantTypes().contains(GrantType.REFRESH_TOKEN))
                            .filter(client -> !client.refreshFamilyEnded(family.startedAt()))
                            .isPresent())
                    .map(family -> new Introspection(true, null, family.clientId(), family.clientId(),
                            "refresh_token", family.expiresAt().getEpochSecond(), null, issuer.url(), null,
                            family.actingFor(), CredentialKind.API_CLIENT.name()))
                    .orElse(Introspection.INACTIVE);
        }
        return decode(token).flatMap(jwt -> gate.evaluate(jwt).map(live -> new Introspection(true,
                        live.rights().isEmpty() ? Scopes.DEFAULT : String.join(" ", live.rights()),
                        TokenClaims.credentialId(jwt), jwt.getSubject(), "Bearer", epochSecond(jwt.getExpiresAt()),
                        epochSecond(jwt.getIssuedAt()), issuer.url(), jwt.getId(),
                        live.actingFor().identityId(), live.credential().credential().kind().name())))
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
    void revoke(ClientCredentials client, String token, String address) {
        CredentialFacts caller = clients.authenticate(client, address, clock.instant()).credential();
        if (token == null || token.isBlank()) {
            throw new TokenRequestRefused(400, "invalid_request", "token is required");
        }
        if (token.startsWith(SecretFormat.REFRESH_PREFIX)) {
            Optional<RefreshFamilies.Family> family = SecretFormat.refreshTokenFamily(token).flatMap(families::find);
            if (family.isPresent()) {
                ensureIssuedTo(caller, family.get().clientId());
                commands.sendAs(new RevokeRefreshTokenFamily(family.get().familyId(), hasher.hash(token),
                        "Revoked by its client (RFC 7009)"), caller.ownerId(), caller.credentialId());
            }
            return;
        }
        Optional<Jwt> jwt = decode(token);
        if (jwt.isEmpty() || jwt.get().getId() == null || jwt.get().getExpiresAt() == null) {
            return;
        }
        ensureIssuedTo(caller, TokenClaims.credentialId(jwt.get()));
        commands.sendAs(new RevokeAccessToken(caller.credentialId(), caller.kind(), jwt.get().getId(),
                jwt.get().getExpiresAt(), "Revoked by its client (RFC 7009)"), caller.ownerId(), caller.credentialId());
    }

    private static void ensureIssuedTo(CredentialFacts caller, String tokenClientId) {
        if (!caller.credentialId().equals(tokenClientId)) {
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
}
