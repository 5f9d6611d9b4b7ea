package com.example.credentials.query.scope;

import com.example.credentials.query.support.Documents;
import com.example.credentials.query.support.ReadModels;
import com.example.credentials.query.support.VersionedCollection;
import com.example.credentials.shared.apiclient.ApiClientCreated;
import com.example.credentials.shared.apiclient.ApiClientDeleted;
import com.example.credentials.shared.apiclient.ApiClientUpdated;
import com.example.credentials.shared.common.RightsCatalogue;
import com.example.credentials.shared.identity.IdentityCreated;
import com.example.credentials.shared.identity.UserLevelGranted;
import com.example.credentials.shared.identity.UserLevelRevoked;
import com.example.credentials.shared.pat.PersonalAccessTokenCreated;
import com.example.credentials.shared.pat.PersonalAccessTokenDeleted;
import com.example.credentials.shared.pat.PersonalAccessTokenUpdated;
import com.example.credentials.shared.scope.FindEffectiveScope;
import com.example.credentials.shared.usage.CredentialKind;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.queryhandling.QueryHandler;
import org.bson.Document;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

/**
 * Effective rights of every API client and PAT: scope ∩ rights(owner's current levels). Recomputed for one credential
 * when its scope changes, and for all of an owner's credentials when the owner's levels change (the owner's document
 * lists its live credentials, so every read is by id). Its processor handles
 * the log in order on one thread (see {@code QuerySideProcessing}), so an owner's change never races a new credential.
 */
@Component
@ProcessingGroup(EffectiveScopeProjection.GROUP)
public class EffectiveScopeProjection {

    public static final String GROUP = "effective-scopes";
    private static final String CREDENTIALS = "credentials";

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
        owners.create(event.identityId(), sequence, new Document("levels", List.of()));
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
        created(event.clientId(), CredentialKind.API_CLIENT, event.ownerId(), event.settings().scope(), sequence);
    }

    @EventHandler
    void on(ApiClientUpdated event, @SequenceNumber long sequence) {
        rescoped(event.clientId(), event.settings().scope(), sequence);
    }

    @EventHandler
    void on(ApiClientDeleted event, @SequenceNumber long sequence) {
        deleted(event.clientId(), event.ownerId(), sequence);
    }

    @EventHandler
    void on(PersonalAccessTokenCreated event, @SequenceNumber long sequence) {
        created(event.tokenId(), CredentialKind.PERSONAL_ACCESS_TOKEN, event.ownerId(), event.scope(), sequence);
    }

    @EventHandler
    void on(PersonalAccessTokenUpdated event, @SequenceNumber long sequence) {
        rescoped(event.tokenId(), event.scope(), sequence);
    }

    @EventHandler
    void on(PersonalAccessTokenDeleted event, @SequenceNumber long sequence) {
        deleted(event.tokenId(), event.ownerId(), sequence);
    }

    @QueryHandler
    Optional<EffectiveScopeView> find(FindEffectiveScope query) {
        return Optional.ofNullable(credentials.get(query.credentialId()))
                .filter(d -> query.kind().name().equals(d.getString("kind")) && !d.getBoolean(VersionedCollection.DELETED))
                .map(d -> new EffectiveScopeView(d.getString("_id"), Documents.strings(d, "scope"),
                        Documents.strings(d, "rights"), Instant.now().truncatedTo(ChronoUnit.MILLIS), EffectiveScopeView.ACTIVE,
                        d.getString("ownerId")));
    }

    private void created(String id, CredentialKind kind, String ownerId, List<String> scope, long sequence) {
        credentials.create(id, sequence, new Document("kind", kind.name()).append("ownerId", ownerId)
                .append("scope", scope).append("rights", List.of()));
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
