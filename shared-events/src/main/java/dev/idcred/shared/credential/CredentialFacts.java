package dev.idcred.shared.credential;

import dev.idcred.shared.apiclient.ApiClientCreated;
import dev.idcred.shared.apiclient.ApiClientDeleted;
import dev.idcred.shared.apiclient.ApiClientSettings;
import dev.idcred.shared.apiclient.ApiClientUpdated;
import dev.idcred.shared.common.GrantType;
import dev.idcred.shared.pat.PersonalAccessTokenCreated;
import dev.idcred.shared.pat.PersonalAccessTokenDeleted;
import dev.idcred.shared.pat.PersonalAccessTokenUpdated;
import dev.idcred.shared.token.AccessTokenRevoked;
import dev.idcred.shared.token.RefreshTokenFamilyRevoked;
import dev.idcred.shared.usage.CredentialKind;

import java.time.Instant;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * What the log says of one credential, as far as what it may do is concerned: folded from its
 * {@link CredentialEvent}s by {@link #fold}, the one place that knows what each of them means.
 *
 * @param tokensValidFrom  access tokens issued before this instant are dead: set when an API client is disabled, so
 *                         enabling it again does not revive them
 * @param refreshValidFrom refresh-token families begun before this instant are dead: set when the client is
 *                         disabled or loses the refresh-token grant
 * @param revokedTokens    access-token ids and refresh-family ids revoked before they expire, each until the last
 *                         instant a token it names could still be valid
 */
public record CredentialFacts(String credentialId, CredentialKind kind, String ownerId, String keyType,
                              List<String> scope, Set<GrantType> grantTypes, boolean enabled,
                              int accessTokenValiditySeconds, int refreshTokenValiditySeconds, String secretHash,
                              Instant createdAt, Instant deletedAt, Instant tokensValidFrom, Instant refreshValidFrom,
                              Map<String, Instant> revokedTokens) {

    public CredentialFacts {
        scope = List.copyOf(scope);
        grantTypes = grantTypes.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(grantTypes));
        revokedTokens = Map.copyOf(revokedTokens);
    }

    /**
     * The facts after {@code event}; {@code facts} is null before the credential's creation. An event that cannot
     * apply (a change before the creation, anything after the deletion) leaves the facts as they are.
     */
    public static CredentialFacts fold(CredentialFacts facts, CredentialEvent event) {
        if (event instanceof ApiClientCreated e) {
            ApiClientSettings s = e.settings();
            return new CredentialFacts(e.clientId(), CredentialKind.API_CLIENT, e.ownerId(), e.keyType(), s.scope(),
                    grants(s), !Boolean.FALSE.equals(s.enabled()), s.accessTokenValiditySeconds(),
                    orZero(s.refreshTokenValiditySeconds()), e.secretHash(), e.createdAt(), null, null, null, Map.of());
        }
        if (event instanceof PersonalAccessTokenCreated e) {
            return new CredentialFacts(e.tokenId(), CredentialKind.PERSONAL_ACCESS_TOKEN, e.ownerId(), null, e.scope(),
                    EnumSet.of(GrantType.CLIENT_CREDENTIALS), true, e.accessTokenValiditySeconds(), 0,
                    e.secretHash(), e.createdAt(), null, null, null, Map.of());
        }
        if (facts == null || facts.deletedAt != null) {
            return facts;
        }
        if (event instanceof ApiClientUpdated e) {
            return facts.updated(e.settings(), e.modifiedAt());
        }
        if (event instanceof PersonalAccessTokenUpdated e) {
            return facts.withScope(e.scope());
        }
        if (event instanceof ApiClientDeleted e) {
            return facts.deleted(e.deletedAt());
        }
        if (event instanceof PersonalAccessTokenDeleted e) {
            return facts.deleted(e.deletedAt());
        }
        if (event instanceof AccessTokenRevoked e) {
            return facts.revoked(e.jti(), e.expiresAt(), e.revokedAt());
        }
        if (event instanceof RefreshTokenFamilyRevoked e) {
            return facts.revoked(e.familyId(), e.accessTokensValidUntil(), e.revokedAt());
        }
        return facts;
    }

    public boolean live() {
        return deletedAt == null;
    }

    /** True if any of {@code tokenIds} (an access token's jti, its refresh family's id) was revoked. */
    public boolean revokedAny(Collection<String> tokenIds) {
        return tokenIds.stream().anyMatch(revokedTokens::containsKey);
    }

    /** True if a token issued at {@code issuedAt} was issued before the credential was last switched off. */
    public boolean issuedBeforeDisablement(Instant issuedAt) {
        return tokensValidFrom != null && (issuedAt == null || issuedAt.isBefore(tokensValidFrom));
    }

    /** True if a refresh-token family begun at {@code startedAt} ended when the client lost its refresh tokens. */
    public boolean refreshFamilyEnded(Instant startedAt) {
        return refreshValidFrom != null && (startedAt == null || startedAt.isBefore(refreshValidFrom));
    }

    private CredentialFacts updated(ApiClientSettings settings, Instant at) {
        boolean nowEnabled = !Boolean.FALSE.equals(settings.enabled());
        Set<GrantType> nowGrants = grants(settings);
        boolean switchedOff = enabled && !nowEnabled;
        boolean lostRefresh = grantTypes.contains(GrantType.REFRESH_TOKEN) && !nowGrants.contains(GrantType.REFRESH_TOKEN);
        return new CredentialFacts(credentialId, kind, ownerId, keyType, settings.scope(), nowGrants, nowEnabled,
                settings.accessTokenValiditySeconds(), orZero(settings.refreshTokenValiditySeconds()), secretHash,
                createdAt, null, switchedOff ? at : tokensValidFrom,
                switchedOff || lostRefresh ? at : refreshValidFrom, revokedTokens);
    }

    private CredentialFacts withScope(List<String> newScope) {
        return new CredentialFacts(credentialId, kind, ownerId, keyType, newScope, grantTypes, enabled,
                accessTokenValiditySeconds, refreshTokenValiditySeconds, secretHash, createdAt, null, tokensValidFrom,
                refreshValidFrom, revokedTokens);
    }

    private CredentialFacts deleted(Instant at) {
        return new CredentialFacts(credentialId, kind, ownerId, keyType, scope, grantTypes, enabled,
                accessTokenValiditySeconds, refreshTokenValiditySeconds, secretHash, createdAt, at, tokensValidFrom,
                refreshValidFrom, revokedTokens);
    }

    /**
     * Remembers a revoked id until no token it names can be valid, and forgets those that expired by the event's
     * own instant (not the clock's, so every fold of the same log is the same).
     */
    private CredentialFacts revoked(String tokenId, Instant until, Instant at) {
        var kept = new TreeMap<String, Instant>();
        revokedTokens.forEach((id, expiry) -> {
            if (!expiry.isBefore(at)) {
                kept.put(id, expiry);
            }
        });
        kept.merge(tokenId, until, (a, b) -> a.isAfter(b) ? a : b);
        return new CredentialFacts(credentialId, kind, ownerId, keyType, scope, grantTypes, enabled,
                accessTokenValiditySeconds, refreshTokenValiditySeconds, secretHash, createdAt, deletedAt,
                tokensValidFrom, refreshValidFrom, kept);
    }

    private static Set<GrantType> grants(ApiClientSettings settings) {
        return settings.grantTypes() == null || settings.grantTypes().isEmpty() ? Set.of()
                : EnumSet.copyOf(settings.grantTypes());
    }

    private static int orZero(Integer value) {
        return value == null ? 0 : value;
    }
}
