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
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
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
 * when its scope changes, and for all of an owner's credentials when the owner's levels change. Its processor handles
 * the log in order on one thread (see {@code QuerySideProcessing}), so an owner's change never races a new credential.
 */
@Component
@ProcessingGroup(EffectiveScopeProjection.GROUP)
public class EffectiveScopeProjection {

    public static final String GROUP = "effective-scopes";

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
        owners.update(event.identityId(), sequence, Updates.addToSet("levels", event.level()));
        recomputeCredentialsOf(event.identityId());
    }

    @EventHandler
    void on(UserLevelRevoked event, @SequenceNumber long sequence) {
        owners.update(event.identityId(), sequence, Updates.pull("levels", event.level()));
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
        credentials.markDeleted(event.clientId(), sequence);
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
        credentials.markDeleted(event.tokenId(), sequence);
    }

    @QueryHandler
    Optional<EffectiveScopeView> find(FindEffectiveScope query) {
        return Optional.ofNullable(credentials.raw().find(Filters.and(Filters.eq("_id", query.credentialId()),
                        Filters.eq("kind", query.kind().name()), Filters.eq(VersionedCollection.DELETED, false))).first())
                .map(d -> new EffectiveScopeView(d.getString("_id"), Documents.strings(d, "scope"),
                        Documents.strings(d, "rights"), Instant.now().truncatedTo(ChronoUnit.MILLIS), EffectiveScopeView.ACTIVE,
                        d.getString("ownerId")));
    }

    private void created(String id, CredentialKind kind, String ownerId, List<String> scope, long sequence) {
        credentials.create(id, sequence, new Document("kind", kind.name()).append("ownerId", ownerId)
                .append("scope", scope).append("rights", List.of()));
        recompute(credentials.raw().find(Filters.eq("_id", id)).first());
    }

    private void rescoped(String id, List<String> scope, long sequence) {
        credentials.update(id, sequence, Updates.set("scope", scope));
        recompute(credentials.raw().find(Filters.eq("_id", id)).first());
    }

    private void recomputeCredentialsOf(String ownerId) {
        for (Document credential : credentials.raw().find(Filters.and(Filters.eq("ownerId", ownerId),
                Filters.eq(VersionedCollection.DELETED, false)))) {
            recompute(credential);
        }
    }

    private void recompute(Document credential) {
        if (credential == null) {
            return;
        }
        Document owner = owners.raw().find(Filters.eq("_id", credential.getString("ownerId"))).first();
        List<String> levels = owner == null ? List.of() : Documents.strings(owner, "levels");
        List<String> rights = List.copyOf(catalogue.effectiveRights(Documents.strings(credential, "scope"), levels));
        credentials.raw().updateOne(Filters.eq("_id", credential.getString("_id")), Updates.set("rights", rights));
    }
}
