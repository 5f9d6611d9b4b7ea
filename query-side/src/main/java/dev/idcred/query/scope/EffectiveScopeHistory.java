package dev.idcred.query.scope;

import dev.idcred.shared.apiclient.ApiClientCreated;
import dev.idcred.shared.apiclient.ApiClientDeleted;
import dev.idcred.shared.apiclient.ApiClientUpdated;
import dev.idcred.shared.common.RightsCatalogue;
import dev.idcred.shared.identity.IdentityCreated;
import dev.idcred.shared.identity.UserLevelGranted;
import dev.idcred.shared.identity.UserLevelRevoked;
import dev.idcred.shared.pat.PersonalAccessTokenCreated;
import dev.idcred.shared.pat.PersonalAccessTokenDeleted;
import dev.idcred.shared.pat.PersonalAccessTokenUpdated;
import dev.idcred.shared.scope.FindEffectiveScopeAt;
import dev.idcred.shared.usage.CredentialKind;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * What a credential could do at an instant, folded from the event log itself (the credential's events and its
 * owner's), never from a view that could drift. Rights are those of today's catalogue for the scope and levels held
 * then. Each event counts from the business instant it carries.
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
        List<? extends DomainEventMessage<?>> history = events.readEvents(query.credentialId()).asStream().toList();
        if (history.isEmpty() || !isCreationOf(history.get(0).getPayload(), query.kind())) {
            return Optional.empty();
        }
        String ownerId = ownerOf(history.get(0).getPayload());
        List<String> scope = null;
        boolean enabled = true;
        boolean deleted = false;
        for (DomainEventMessage<?> event : history) {
            Object payload = event.getPayload();
            if (occurredAfter(payload, query.at())) {
                break;
            }
            if (payload instanceof ApiClientCreated created) {
                scope = created.settings().scope();
                enabled = !Boolean.FALSE.equals(created.settings().enabled());
            } else if (payload instanceof ApiClientUpdated updated) {
                scope = updated.settings().scope();
                enabled = !Boolean.FALSE.equals(updated.settings().enabled());
            } else if (payload instanceof PersonalAccessTokenCreated created) {
                scope = created.scope();
            } else if (payload instanceof PersonalAccessTokenUpdated updated) {
                scope = updated.scope();
            } else if (payload instanceof ApiClientDeleted || payload instanceof PersonalAccessTokenDeleted) {
                deleted = true;
            }
        }
        if (scope == null || deleted) {
            return Optional.of(new EffectiveScopeView(query.credentialId(), List.of(), List.of(), query.at(),
                    scope == null ? EffectiveScopeView.NOT_YET_CREATED : EffectiveScopeView.DELETED, ownerId));
        }
        if (!enabled) {
            return Optional.of(new EffectiveScopeView(query.credentialId(), scope, List.of(), query.at(),
                    EffectiveScopeView.DISABLED, ownerId));
        }
        List<String> rights = List.copyOf(catalogue.effectiveRights(scope, levelsAt(ownerId, query.at())));
        return Optional.of(new EffectiveScopeView(query.credentialId(), scope, rights, query.at(),
                EffectiveScopeView.ACTIVE, ownerId));
    }

    private Set<String> levelsAt(String ownerId, Instant at) {
        Set<String> levels = new TreeSet<>();
        for (DomainEventMessage<?> event : events.readEvents(ownerId).asStream().toList()) {
            Object payload = event.getPayload();
            if (occurredAfter(payload, at)) {
                break;
            }
            if (payload instanceof UserLevelGranted granted) {
                levels.add(granted.level());
            } else if (payload instanceof UserLevelRevoked revoked) {
                levels.remove(revoked.level());
            }
        }
        return levels;
    }

    private static boolean isCreationOf(Object payload, CredentialKind kind) {
        return kind == CredentialKind.API_CLIENT ? payload instanceof ApiClientCreated
                : payload instanceof PersonalAccessTokenCreated;
    }

    private static String ownerOf(Object creation) {
        return creation instanceof ApiClientCreated created ? created.ownerId()
                : ((PersonalAccessTokenCreated) creation).ownerId();
    }

    /** The business instant of an event that changes what a credential may do; others never stop the fold. */
    private static boolean occurredAfter(Object payload, Instant at) {
        Instant when = null;
        if (payload instanceof ApiClientCreated e) {
            when = e.createdAt();
        } else if (payload instanceof ApiClientUpdated e) {
            when = e.modifiedAt();
        } else if (payload instanceof ApiClientDeleted e) {
            when = e.deletedAt();
        } else if (payload instanceof PersonalAccessTokenCreated e) {
            when = e.createdAt();
        } else if (payload instanceof PersonalAccessTokenUpdated e) {
            when = e.modifiedAt();
        } else if (payload instanceof PersonalAccessTokenDeleted e) {
            when = e.deletedAt();
        } else if (payload instanceof IdentityCreated e) {
            when = e.createdAt();
        } else if (payload instanceof UserLevelGranted e) {
            when = e.grantedAt();
        } else if (payload instanceof UserLevelRevoked e) {
            when = e.revokedAt();
        }
        return when != null && when.isAfter(at);
    }
}
