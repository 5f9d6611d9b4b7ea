package dev.idcred.query.scope;

import dev.idcred.query.exposure.SecretVersionsView;
import dev.idcred.query.support.FactsDocuments;
import dev.idcred.query.support.Projection;
import dev.idcred.query.support.ReadModels;
import dev.idcred.query.support.ViewDocuments;
import dev.idcred.shared.common.RightsCatalogue;
import dev.idcred.shared.credential.CredentialAccess;
import dev.idcred.shared.credential.CredentialEvent;
import dev.idcred.shared.credential.CredentialFacts;
import dev.idcred.shared.credential.OwnerFacts;
import dev.idcred.shared.hygiene.FindSecretVersions;
import dev.idcred.shared.identity.IdentityEvent;
import dev.idcred.shared.scope.FindEffectiveScope;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.queryhandling.QueryHandler;
import org.bson.Document;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.util.Map;
import java.util.Optional;

/**
 * What every API client and PAT may do now: each credential's facts and each identity's facts, folded from their
 * own events exactly as the authorization table folds them, in two collections keyed by aggregate. Effective rights
 * (scope ∩ the rights of the owner's levels) are computed when asked, from one credential document and its owner's,
 * so an owner's level change is one write however many credentials it has, and no event's work grows with an owner.
 * Each document depends on its own aggregate's events only, so the processor splits the log into segments by
 * aggregate.
 */
@Component
@ProcessingGroup(EffectiveScopeProjection.GROUP)
public class EffectiveScopeProjection implements Projection {

    public static final String GROUP = "effective-scopes";
    private static final String FACTS = "facts";

    private final ViewDocuments credentials;
    private final ViewDocuments owners;
    private final RightsCatalogue catalogue;
    private final Clock clock;

    public EffectiveScopeProjection(ReadModels readModels, RightsCatalogue catalogue, Clock clock) {
        this.credentials = new ViewDocuments(readModels, "effective_scopes");
        this.owners = new ViewDocuments(readModels, "effective_scope_owners");
        this.catalogue = catalogue;
        this.clock = clock;
    }

    @Override
    public Map<String, String> mirrors() {
        return Map.of("ApiClient", "effective_scopes", "PersonalAccessToken", "effective_scopes",
                "Identity", "effective_scope_owners");
    }

    @Override
    public Projection into(ReadModels generation) {
        return new EffectiveScopeProjection(generation, catalogue, clock);
    }

    @Override
    public int segments() {
        return 8;
    }

    /** Revocations of a refresh family are events of the family, not of the credential: the gate reads those. */
    @EventHandler
    void on(CredentialEvent event, DomainEventMessage<?> message) {
        if (!message.getAggregateIdentifier().equals(event.credentialId())) {
            return;
        }
        fold(credentials, event.credentialId(), message.getSequenceNumber(), CredentialFacts.class,
                facts -> withoutHashes(CredentialFacts.fold(facts, event)));
    }

    @EventHandler
    void on(IdentityEvent event, @SequenceNumber long version) {
        fold(owners, event.identityId(), version, OwnerFacts.class, facts -> OwnerFacts.fold(facts, event));
    }

    @QueryHandler
    Optional<EffectiveScopeView> find(FindEffectiveScope query) {
        Document credential = credentials.get(query.credentialId());
        CredentialFacts facts = credential == null ? null
                : FactsDocuments.read(credential.get(FACTS, Document.class), CredentialFacts.class);
        if (facts == null || facts.kind() != query.kind() || !facts.live()) {
            return Optional.empty();
        }
        Document owner = owners.get(facts.ownerId());
        OwnerFacts ownerFacts = owner == null ? null
                : FactsDocuments.read(owner.get(FACTS, Document.class), OwnerFacts.class);
        return Optional.of(EffectiveScopeView.of(new CredentialAccess(facts, ownerFacts), clock.instant(), catalogue));
    }

    /** The view keeps the secret versions, never their hashes. */
    private static CredentialFacts withoutHashes(CredentialFacts facts) {
        return facts == null ? null : facts.withoutSecretHashes();
    }

    /** The same facts answer for a credential's secret versions (kept without their hashes) and its expiry. */
    @QueryHandler
    Optional<SecretVersionsView> secrets(FindSecretVersions query) {
        Document credential = credentials.get(query.credentialId());
        CredentialFacts facts = credential == null ? null
                : FactsDocuments.read(credential.get(FACTS, Document.class), CredentialFacts.class);
        if (facts == null || facts.kind() != query.kind() || !facts.live()) {
            return Optional.empty();
        }
        return Optional.of(SecretVersionsView.of(facts));
    }

    private static <T> void fold(ViewDocuments documents, String id, long version, Class<T> type,
                                 java.util.function.UnaryOperator<T> change) {
        Document existing = documents.get(id);
        if (existing == null) {
            T facts = change.apply(null);
            if (facts != null) {
                documents.create(id, version, new Document(FACTS, FactsDocuments.of(facts)));
            }
            return;
        }
        documents.update(id, version, document -> document.put(FACTS, FactsDocuments.of(change.apply(
                FactsDocuments.read(document.get(FACTS, Document.class), type)))));
    }
}
