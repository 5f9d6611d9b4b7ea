package dev.idcred.query.scope;

import dev.idcred.query.support.Documents;
import dev.idcred.query.support.ReadModels;
import dev.idcred.query.support.VersionedCollection;
import dev.idcred.shared.apiclient.ApiClientCreated;
import dev.idcred.shared.apiclient.ApiClientDeleted;
import dev.idcred.shared.apiclient.ApiClientUpdated;
import dev.idcred.shared.common.RightsCatalogue;
import dev.idcred.shared.common.NetworkRules;
import dev.idcred.shared.identity.IdentityCreated;
import dev.idcred.shared.identity.IdentityUpdated;
import dev.idcred.shared.identity.UserLevelGranted;
import dev.idcred.shared.identity.UserLevelRevoked;
import dev.idcred.shared.pat.PersonalAccessTokenCreated;
import dev.idcred.shared.pat.PersonalAccessTokenDeleted;
import dev.idcred.shared.pat.PersonalAccessTokenUpdated;
import dev.idcred.shared.scope.FindEffectiveScope;
import dev.idcred.shared.token.AccessTokenRevoked;
import dev.idcred.shared.token.RefreshTokenFamilyRevoked;
import dev.idcred.shared.usage.CredentialKind;
import dev.idcred.access.CredentialState;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.queryhandling.QueryHandler;
import org.bson.Document;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Effective rights of every API client and PAT: scope ∩ rights(owner's current levels). Recomputed for one credential
 * when its scope changes, and for all of an owner's credentials when the owner's levels change (the owner's document
 * lists its live credentials, so every read is by id). Its processor handles
 * the log in order on one thread (see {@code QuerySideProcessing}), so an owner's change never races a new credential.
 * It also keeps what the query side's calls are checked against (see {@link #currentState}): whether a credential
 * is enabled, its revoked tokens, and its owner's tenant-access expiry and network rules.
 */
@Component
@ProcessingGroup(EffectiveScopeProjection.GROUP)
public class EffectiveScopeProjection {

    public static final String GROUP = "effective-scopes";
    private static final String CREDENTIALS = "credentials";
    private static final String ENABLED = "enabled";
    private static final String REVOKED_TOKENS = "revokedTokens";
    private static final String ACCESS_ENDS_AT = "tenantAccessExpiresAt";
    private static final String ALLOWED_CIDRS = "allowedCidrs";
    private static final String ALLOWED_COUNTRIES = "allowedCountries";

    private final VersionedCollection credentials;
    private final VersionedCollection owners;
    private final RightsCatalogue catalogue;

    public EffectiveScopeProjection(ReadModels readModels, RightsCatalogue catalogue) {
        this.credentials = new VersionedCollection(readModels, "effective_scopes", "ownerId");
        this.owners = new VersionedCollection(readModels, "effective_scope_owners");
        this.catalogue = catalogue;
    }

    @EventHandler
    void on(IdentityCreated event, @SequenceNumber long sequence) {
        owners.create(event.identityId(), sequence, access(new Document("levels", List.of()),
                event.tenantAccessExpiresAt(), event.networkRules()));
    }

    @EventHandler
    void on(IdentityUpdated event, @SequenceNumber long sequence) {
        owners.update(event.identityId(), sequence, owner -> access(owner, event.tenantAccessExpiresAt(),
                event.networkRules()));
    }

    @EventHandler
    void on(UserLevelGranted event, @SequenceNumber long sequence) {
        owners.update(event.identityId(), sequence, owner -> owner.put("levels",
                Documents.with(Documents.strings(owner, "levels"), event.level())));
        recomputeCredentialsOf(event.identityId());
    }

    @EventHandler
    void on(UserLevelRevoked event, @SequenceNumber long sequence) {
        owners.update(event.identityId(), sequence, owner -> owner.put("levels",
                Documents.without(Documents.strings(owner, "levels"), event.level())));
        recomputeCredentialsOf(event.identityId());
    }

    @EventHandler
    void on(ApiClientCreated event, @SequenceNumber long sequence) {
        created(event.clientId(), CredentialKind.API_CLIENT, event.ownerId(), event.settings().scope(),
                !Boolean.FALSE.equals(event.settings().enabled()), sequence);
    }

    @EventHandler
    void on(ApiClientUpdated event, @SequenceNumber long sequence) {
        credentials.update(event.clientId(), sequence, credential -> credential
                .append(ENABLED, !Boolean.FALSE.equals(event.settings().enabled()))
                .append("scope", event.settings().scope()));
        recompute(credentials.get(event.clientId()));
    }

    @EventHandler
    void on(ApiClientDeleted event, @SequenceNumber long sequence) {
        deleted(event.clientId(), event.ownerId(), sequence);
    }

    @EventHandler
    void on(PersonalAccessTokenCreated event, @SequenceNumber long sequence) {
        created(event.tokenId(), CredentialKind.PERSONAL_ACCESS_TOKEN, event.ownerId(), event.scope(), true,
                sequence);
    }

    @EventHandler
    void on(PersonalAccessTokenUpdated event, @SequenceNumber long sequence) {
        rescoped(event.tokenId(), event.scope(), sequence);
    }

    @EventHandler
    void on(PersonalAccessTokenDeleted event, @SequenceNumber long sequence) {
        deleted(event.tokenId(), event.ownerId(), sequence);
    }

    @EventHandler
    void on(AccessTokenRevoked event) {
        remember(event.credentialId(), event.jti(), event.expiresAt(), event.revokedAt());
    }

    @EventHandler
    void on(RefreshTokenFamilyRevoked event) {
        remember(event.clientId(), event.familyId(), event.accessTokensValidUntil(), event.revokedAt());
    }

    /**
     * The credential as it is now, for the calls the query side answers: empty once it is deleted, and
     * {@link CredentialState#unseen} while this view has not yet caught up with its creation.
     */
    public Optional<CredentialState> currentState(String credentialId, Collection<String> tokenIds) {
        Document credential = credentials.get(credentialId);
        if (credential == null) {
            return Optional.of(CredentialState.unseen(credentialId));
        }
        if (credential.getBoolean(VersionedCollection.DELETED, false)) {
            return Optional.empty();
        }
        Document owner = owners.get(credential.getString("ownerId"));
        Set<String> revoked = new LinkedHashSet<>(tokenIds);
        revoked.retainAll(revokedTokens(credential).keySet());
        return Optional.of(new CredentialState(credentialId, CredentialKind.valueOf(credential.getString("kind")),
                credential.getString("ownerId"), credential.getBoolean(ENABLED, true),
                Set.copyOf(Documents.strings(credential, "rights")),
                owner == null ? NetworkRules.none() : new NetworkRules(Documents.strings(owner, ALLOWED_CIDRS),
                        Documents.strings(owner, ALLOWED_COUNTRIES)),
                owner == null ? null : Documents.instant(owner, ACCESS_ENDS_AT), revoked, true));
    }

    @QueryHandler
    Optional<EffectiveScopeView> find(FindEffectiveScope query) {
        return Optional.ofNullable(credentials.get(query.credentialId()))
                .filter(d -> query.kind().name().equals(d.getString("kind")) && !d.getBoolean(VersionedCollection.DELETED))
                .map(d -> {
                    boolean enabled = d.getBoolean(ENABLED, true);
                    return new EffectiveScopeView(d.getString("_id"), Documents.strings(d, "scope"),
                            enabled ? Documents.strings(d, "rights") : List.of(),
                            Instant.now().truncatedTo(ChronoUnit.MILLIS),
                            enabled ? EffectiveScopeView.ACTIVE : EffectiveScopeView.DISABLED, d.getString("ownerId"));
                });
    }

    private void created(String id, CredentialKind kind, String ownerId, List<String> scope, boolean enabled,
                         long sequence) {
        credentials.create(id, sequence, new Document("kind", kind.name()).append("ownerId", ownerId)
                .append("scope", scope).append("rights", List.of()).append(ENABLED, enabled));
        Document owner = owners.get(ownerId);
        if (owner == null) {
            owner = new Document("_id", ownerId).append(VersionedCollection.VERSION, -1L)
                    .append(VersionedCollection.DELETED, false);
        }
        owners.put(owner.append(CREDENTIALS, Documents.with(Documents.strings(owner, CREDENTIALS), id)));
        recompute(credentials.get(id));
    }

    private void deleted(String id, String ownerId, long sequence) {
        credentials.markDeleted(id, sequence);
        Document owner = owners.get(ownerId);
        if (owner != null) {
            owners.put(owner.append(CREDENTIALS, Documents.without(Documents.strings(owner, CREDENTIALS), id)));
        }
    }

    private void rescoped(String id, List<String> scope, long sequence) {
        credentials.update(id, sequence, credential -> credential.put("scope", scope));
        recompute(credentials.get(id));
    }

    /**
     * Keeps a revoked token id until no token it names can still be valid, and forgets those expired by the time of
     * the event (its time, not the clock's, so a rebuild folds the same view).
     */
    private void remember(String credentialId, String tokenId, Instant until, Instant now) {
        Document credential = credentials.get(credentialId);
        if (credential == null) {
            return;
        }
        Map<String, Long> revoked = revokedTokens(credential);
        revoked.values().removeIf(expiry -> expiry < now.toEpochMilli());
        revoked.merge(tokenId, until.toEpochMilli(), Math::max);
        credentials.put(credential.append(REVOKED_TOKENS, revoked.entrySet().stream()
                .map(entry -> new Document("id", entry.getKey()).append("until", entry.getValue())).toList()));
    }

    private static Map<String, Long> revokedTokens(Document credential) {
        var revoked = new LinkedHashMap<String, Long>();
        for (Document entry : credential.getList(REVOKED_TOKENS, Document.class, List.of())) {
            revoked.put(entry.getString("id"), ((Number) entry.get("until")).longValue());
        }
        return revoked;
    }

    private static Document access(Document owner, Instant tenantAccessExpiresAt, NetworkRules rules) {
        NetworkRules known = rules == null ? NetworkRules.none() : rules;
        return owner.append(ACCESS_ENDS_AT, tenantAccessExpiresAt == null ? null : Documents.date(tenantAccessExpiresAt))
                .append(ALLOWED_CIDRS, known.allowedCidrs()).append(ALLOWED_COUNTRIES, known.allowedCountries());
    }

    /** Every live credential of the owner, each fetched by id: the owner's document lists them. */
    private void recomputeCredentialsOf(String ownerId) {
        Document owner = owners.get(ownerId);
        if (owner == null) {
            return;
        }
        for (String credentialId : Documents.strings(owner, CREDENTIALS)) {
            recompute(credentials.get(credentialId));
        }
    }

    private void recompute(Document credential) {
        if (credential == null) {
            return;
        }
        Document owner = owners.get(credential.getString("ownerId"));
        List<String> levels = owner == null ? List.of() : Documents.strings(owner, "levels");
        List<String> rights = List.copyOf(catalogue.effectiveRights(Documents.strings(credential, "scope"), levels));
        credentials.put(credential.append("rights", rights));
    }
}
