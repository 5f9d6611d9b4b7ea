package dev.idcred.shared.credential;

import dev.idcred.shared.apiclient.ApiClientSettings;
import dev.idcred.shared.common.GrantType;
import dev.idcred.shared.usage.ClientSeen;
import dev.idcred.shared.usage.CredentialKind;
import dev.idcred.shared.usage.Usage;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * What the log says of one credential, as far as what it may do is concerned: folded from its
 * {@link CredentialEvent}s by {@link #fold}, the one place that knows what each of them means.
 *
 * @param secrets          its secret versions, oldest first (at most {@link #KEPT_SECRET_VERSIONS})
 * @param expiresAt        from this instant it obtains nothing and its tokens stop (null: never)
 * @param tokensValidFrom  access tokens issued before this instant are dead: set when an API client is disabled, so
 *                         enabling it again does not revive them
 * @param refreshValidFrom refresh-token families begun before this instant are dead: set when the client is
 *                         disabled or loses the refresh-token grant
 * @param revokedTokens    access-token ids and refresh-family ids revoked before they expire, each until the last
 *                         instant a token it names could still be valid
 * @param lastUsedAt       the last instant it obtained a token (null: never)
 * @param recentClients    the last {@link #KEPT_CLIENTS} addresses it obtained tokens from, most recent first
 * @param notices          which of the tenant's hygiene notices it has had
 * @param registration     an API client's name and where its authorization codes may go (null for a PAT)
 */
public record CredentialFacts(String credentialId, CredentialKind kind, String ownerId, String keyType,
                              List<String> scope, Set<GrantType> grantTypes, boolean enabled,
                              int accessTokenValiditySeconds, int refreshTokenValiditySeconds,
                              List<SecretVersion> secrets, Instant createdAt, Instant expiresAt, Instant deletedAt,
                              Instant tokensValidFrom, Instant refreshValidFrom, Map<String, Instant> revokedTokens,
                              Instant lastUsedAt, List<ClientSeen> recentClients, Notices notices,
                              Registration registration) {

    public static final int KEPT_SECRET_VERSIONS = 10;
    public static final int KEPT_CLIENTS = 5;

    /**
     * The hygiene notices a credential has had: the expiry it was warned of and the one noted as reached, and the
     * instant its disuse was counted from when it was warned of it. A notice is for one expiry (or one stretch of
     * disuse): a later expiry, or a use, calls for a new one.
     */
    public record Notices(Instant expiryWarnedFor, Instant expiryNotedFor, Instant inactivityWarnedFor) {
        static final Notices NONE = new Notices(null, null, null);
    }

    /**
     * How an API client is registered for people to use it: its name (what the consent page shows), its redirect URIs
     * (exactly as registered), whether it is a public client (no secret; PKCE required) and whether it is the tenant's
 * own ({@code internal}: people are not asked to consent to it, though their consent is still recorded).
     */
    public record Registration(String name, List<String> redirectUris, boolean publicClient, boolean firstParty) {
        public Registration {
            redirectUris = redirectUris == null ? List.of() : List.copyOf(redirectUris);
        }

        static Registration of(ApiClientSettings settings) {
            return new Registration(settings.name(), settings.redirectUris(), "PUBLIC".equals(settings.type()),
                    Boolean.TRUE.equals(settings.internal()));
        }
    }

    /** Sets and maps keep one order (enum order, key order) in every JVM, so every fold writes the same document. */
    public CredentialFacts {
        scope = List.copyOf(scope);
        grantTypes = grantTypes.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(grantTypes));
        secrets = List.copyOf(secrets);
        revokedTokens = Collections.unmodifiableMap(new TreeMap<>(revokedTokens));
        recentClients = recentClients == null ? List.of() : List.copyOf(recentClients);
        notices = notices == null ? Notices.NONE : notices;
    }

    /**
     * The facts after {@code event}; {@code facts} is null before the credential's creation. An event that cannot
     * apply (a change before the creation, anything after the deletion) leaves the facts as they are.
     */
    public static CredentialFacts fold(CredentialFacts facts, CredentialEvent event) {
        return switch (event) {
            case ApiClientCreated e -> {
                ApiClientSettings s = e.settings();
                yield new CredentialFacts(e.clientId(), CredentialKind.API_CLIENT, e.ownerId(), e.keyType(), s.scope(),
                        grants(s), !Boolean.FALSE.equals(s.enabled()), s.accessTokenValiditySeconds(),
                        orZero(s.refreshTokenValiditySeconds()), firstSecret(e.secretHash(), e.createdAt()),
                        e.createdAt(), e.expiresAt(), null, null, null, Map.of(), null, List.of(), Notices.NONE,
                        Registration.of(s));
            }
            case PersonalAccessTokenCreated e -> new CredentialFacts(e.tokenId(), CredentialKind.PERSONAL_ACCESS_TOKEN,
                    e.ownerId(), null, e.scope(), EnumSet.of(GrantType.CLIENT_CREDENTIALS), true,
                    e.accessTokenValiditySeconds(), 0, firstSecret(e.secretHash(), e.createdAt()), e.createdAt(),
                    e.expiresAt(), null, null, null, Map.of(), null, List.of(), Notices.NONE, null);
            case ApiClientUpdated e -> change(facts, draft -> draft.update(e.settings(), e.modifiedAt()));
            case PersonalAccessTokenUpdated e -> change(facts, draft -> draft.scope = e.scope());
            case CredentialDeleted e -> change(facts, draft -> draft.deletedAt = e.deletedAt());
            case AccessTokenRevoked e -> change(facts, draft -> draft.revoke(e.jti(), e.expiresAt(), e.revokedAt()));
            case RefreshTokenFamilyRevoked e ->
                    change(facts, draft -> draft.revoke(e.familyId(), e.accessTokensValidUntil(), e.revokedAt()));
            case CredentialUsed e -> change(facts, draft -> draft.used(e.usedAt(), e.tally()));
            case SecretRotated e -> change(facts, draft -> draft.rotate(e));
            case CredentialLeaked e -> change(facts, draft -> draft.secrets.replaceAll(
                    v -> v.version() == e.secretVersion() ? v.leaked(e.reportedAt()) : v));
            case CredentialExpiringSoon e -> change(facts, draft -> draft.notices = new Notices(e.expiresAt(),
                    facts.notices.expiryNotedFor, facts.notices.inactivityWarnedFor));
            case CredentialExpired e -> change(facts, draft -> draft.notices = new Notices(
                    facts.notices.expiryWarnedFor, e.expiresAt(), facts.notices.inactivityWarnedFor));
            case CredentialUnusedWarning e -> change(facts, draft -> draft.notices = new Notices(
                    facts.notices.expiryWarnedFor, facts.notices.expiryNotedFor, e.unusedSince()));
        };
    }

    /** A change to a live credential; before its creation or after its deletion the facts stay as they are. */
    private static CredentialFacts change(CredentialFacts facts, Consumer<Draft> change) {
        if (facts == null || facts.deletedAt != null) {
            return facts;
        }
        Draft draft = new Draft(facts);
        change.accept(draft);
        return draft.facts();
    }

    public boolean live() {
        return deletedAt == null;
    }

    /** True from the instant the credential expires. */
    public boolean expiredBy(Instant now) {
        return expiresAt != null && !now.isBefore(expiresAt);
    }

    /** Its last use, or its creation if it was never used: what disuse is counted from. */
    public Instant lastActiveAt() {
        return lastUsedAt != null ? lastUsedAt : createdAt;
    }

    /** The version whose hash {@code matches}, if that version is valid at {@code now}. */
    public Optional<SecretVersion> validSecret(Predicate<String> matches, Instant now) {
        return secrets.stream().filter(v -> v.hash() != null && v.validAt(now) && matches.test(v.hash())).findFirst();
    }

    /** The version whose hash {@code matches}, valid or not. */
    public Optional<SecretVersion> anySecret(Predicate<String> matches) {
        return secrets.stream().filter(v -> v.hash() != null && matches.test(v.hash())).findFirst();
    }

    public int currentSecretVersion() {
        return secrets.isEmpty() ? 0 : secrets.get(secrets.size() - 1).version();
    }

    /** The same facts without secret hashes: what a view may keep. */
    public CredentialFacts withoutSecretHashes() {
        Draft draft = new Draft(this);
        draft.secrets.replaceAll(SecretVersion::withoutHash);
        return draft.facts();
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

    private static List<SecretVersion> firstSecret(String hash, Instant createdAt) {
        return hash == null ? List.of() : List.of(new SecretVersion(1, hash, createdAt, null, null, null));
    }

    private static Set<GrantType> grants(ApiClientSettings settings) {
        return settings.grantTypes() == null || settings.grantTypes().isEmpty() ? Set.of()
                : EnumSet.copyOf(settings.grantTypes());
    }

    private static int orZero(Integer value) {
        return value == null ? 0 : value;
    }

    /** The facts being changed by one event. */
    private static final class Draft {
        private final CredentialFacts was;
        private List<String> scope;
        private Set<GrantType> grantTypes;
        private boolean enabled;
        private int accessTokenValiditySeconds;
        private int refreshTokenValiditySeconds;
        private final List<SecretVersion> secrets;
        private Instant expiresAt;
        private Instant deletedAt;
        private Instant tokensValidFrom;
        private Instant refreshValidFrom;
        private Map<String, Instant> revokedTokens;
        private Instant lastUsedAt;
        private List<ClientSeen> recentClients;
        private Notices notices;
        private Registration registration;

        Draft(CredentialFacts facts) {
            was = facts;
            scope = facts.scope;
            grantTypes = facts.grantTypes;
            enabled = facts.enabled;
            accessTokenValiditySeconds = facts.accessTokenValiditySeconds;
            refreshTokenValiditySeconds = facts.refreshTokenValiditySeconds;
            secrets = new ArrayList<>(facts.secrets);
            expiresAt = facts.expiresAt;
            deletedAt = facts.deletedAt;
            tokensValidFrom = facts.tokensValidFrom;
            refreshValidFrom = facts.refreshValidFrom;
            revokedTokens = facts.revokedTokens;
            lastUsedAt = facts.lastUsedAt;
            recentClients = facts.recentClients;
            notices = facts.notices;
            registration = facts.registration;
        }

        CredentialFacts facts() {
            return new CredentialFacts(was.credentialId, was.kind, was.ownerId, was.keyType, scope, grantTypes,
                    enabled, accessTokenValiditySeconds, refreshTokenValiditySeconds, secrets, was.createdAt,
                    expiresAt, deletedAt, tokensValidFrom, refreshValidFrom, revokedTokens, lastUsedAt,
                    recentClients, notices, registration);
        }

        void update(ApiClientSettings settings, Instant at) {
            boolean nowEnabled = !Boolean.FALSE.equals(settings.enabled());
            Set<GrantType> nowGrants = grants(settings);
            boolean switchedOff = enabled && !nowEnabled;
            boolean lostRefresh = grantTypes.contains(GrantType.REFRESH_TOKEN)
                    && !nowGrants.contains(GrantType.REFRESH_TOKEN);
            scope = settings.scope();
            registration = Registration.of(settings);
            grantTypes = nowGrants;
            enabled = nowEnabled;
            accessTokenValiditySeconds = settings.accessTokenValiditySeconds();
            refreshTokenValiditySeconds = orZero(settings.refreshTokenValiditySeconds());
            tokensValidFrom = switchedOff ? at : tokensValidFrom;
            refreshValidFrom = switchedOff || lostRefresh ? at : refreshValidFrom;
        }

        /**
         * Remembers a revoked id until no token it names can be valid, and forgets those that expired by the event's
         * own instant (not the clock's, so every fold of the same log is the same).
         */
        void revoke(String tokenId, Instant until, Instant at) {
            var kept = new TreeMap<String, Instant>();
            revokedTokens.forEach((id, expiry) -> {
                if (!expiry.isBefore(at)) {
                    kept.put(id, expiry);
                }
            });
            kept.merge(tokenId, until, (a, b) -> a.isAfter(b) ? a : b);
            revokedTokens = kept;
        }

        void used(Instant usedAt, Usage usage) {
            if (lastUsedAt == null || usedAt.isAfter(lastUsedAt)) {
                lastUsedAt = usedAt;
            }
            secrets.replaceAll(v -> usage.secretVersions().contains(v.version()) ? v.usedAt(usedAt) : v);
            var clients = new ArrayList<>(recentClients);
            for (ClientSeen seen : usage.clients()) {
                clients.removeIf(known -> known.address().equals(seen.address()));
                clients.add(new ClientSeen(seen.address(), seen.country(),
                        seen.lastSeen() != null ? seen.lastSeen() : usedAt));
            }
            clients.sort(Comparator.comparing(ClientSeen::lastSeen).reversed());
            recentClients = clients.subList(0, Math.min(KEPT_CLIENTS, clients.size()));
        }

        void rotate(SecretRotated rotation) {
            secrets.replaceAll(v -> v.validAt(rotation.rotatedAt()) ? v.endingBy(rotation.previousValidUntil()) : v);
            secrets.add(new SecretVersion(rotation.version(), rotation.secretHash(), rotation.rotatedAt(), null, null,
                    null));
            while (secrets.size() > KEPT_SECRET_VERSIONS) {
                int oldestEnded = -1;
                for (int i = 0; i < secrets.size() && oldestEnded < 0; i++) {
                    oldestEnded = secrets.get(i).validAt(rotation.rotatedAt()) ? -1 : i;
                }
                secrets.remove(Math.max(0, oldestEnded));
            }
            expiresAt = rotation.expiresAt();
        }
    }
}
