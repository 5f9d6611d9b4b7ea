package dev.idcred.query.scope;

import dev.idcred.shared.common.RightsCatalogue;
import dev.idcred.shared.credential.CredentialAccess;
import dev.idcred.shared.credential.CredentialEvent;
import dev.idcred.shared.credential.CredentialFacts;
import dev.idcred.shared.credential.CredentialHistory;
import dev.idcred.shared.scope.FindEffectiveScopeAt;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Optional;

/**
 * What a credential could do at an instant, folded from the event log itself (the credential's events and its
 * owner's, read through the event store) by {@link CredentialHistory}, never from a view that could drift. Rights
 * are those of today's catalogue for the scope and levels held then.
 */
@Component
class EffectiveScopeHistory {

    private final EventStore events;
    private final RightsCatalogue catalogue;

    EffectiveScopeHistory(EventStore events, RightsCatalogue catalogue) {
        this.events = events;
        this.catalogue = catalogue;
    }

    @QueryHandler
    Optional<EffectiveScopeView> at(FindEffectiveScopeAt query) {
        List<Object> history = payloads(query.credentialId());
        if (history.isEmpty() || !(history.get(0) instanceof CredentialEvent creation)) {
            return Optional.empty();
        }
        CredentialFacts created = CredentialFacts.fold(null, creation);
        if (created == null || created.kind() != query.kind()) {
            return Optional.empty();
        }
        Optional<CredentialAccess> then = CredentialHistory.at(history, payloads(created.ownerId()), query.at());
        return Optional.of(then.map(access -> EffectiveScopeView.of(access, query.at(), catalogue))
                .orElseGet(() -> EffectiveScopeView.notYetCreated(query.credentialId(), created.ownerId(),
                        query.at())));
    }

    private List<Object> payloads(String aggregateId) {
        return events.readEvents(aggregateId).asStream().map(DomainEventMessage::getPayload).map(Object.class::cast)
                .toList();
    }
}
