package dev.idcred.query.exposure;

import dev.idcred.access.audit.AuditIndex;
import dev.idcred.query.audit.AuditEventView;
import dev.idcred.shared.common.AuditMetadata;
import dev.idcred.shared.common.RightsCatalogue;
import dev.idcred.shared.credential.CredentialAccess;
import dev.idcred.shared.credential.CredentialEvent;
import dev.idcred.shared.credential.CredentialFacts;
import dev.idcred.shared.credential.CredentialUsed;
import dev.idcred.shared.credential.OwnerFacts;
import dev.idcred.shared.hygiene.FindExposure;
import dev.idcred.shared.identity.IdentityEvent;
import dev.idcred.shared.token.AccessRefused;
import dev.idcred.shared.usage.ClientSeen;
import dev.idcred.shared.usage.Usage;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The exposure report, from the log itself: the credential's events and its owner's (read through the event store,
 * as time travel reads them) give its state and rights over time and its usage; the audit index gives the calls
 * refused and the actions its tokens performed. Rights are today's catalogue's for the scope and levels held then.
 */
@Component
class ExposureReport {

    static final int MAX_ENTRIES = 500;

    private final EventStore events;
    private final AuditIndex audit;
    private final RightsCatalogue catalogue;
    private final Clock clock;

    ExposureReport(EventStore events, AuditIndex audit, RightsCatalogue catalogue, Clock clock) {
        this.events = events;
        this.audit = audit;
        this.catalogue = catalogue;
        this.clock = clock;
    }

    /** A change of what the credential could do, at an instant, and what caused it. */
    private record Change(Instant at, DomainEventMessage<?> event, String timeCause) {
    }

    @QueryHandler
    Optional<ExposureView> report(FindExposure query) {
        DomainEventStream stream = events.readEvents(query.credentialId());
        if (!stream.hasNext() || !(stream.peek().getPayload() instanceof CredentialEvent first)) {
            return Optional.empty();
        }
        CredentialFacts created = CredentialFacts.fold(null, first);
        if (created == null || created.kind() != query.kind()
                || query.ownedBy() != null && !query.ownedBy().equals(created.ownerId())) {
            return Optional.empty();
        }
        List<DomainEventMessage<?>> credentialEvents = stream.asStream().<DomainEventMessage<?>>map(e -> e).toList();
        Instant from = query.from() != null ? query.from() : created.createdAt();
        Instant to = query.to() != null ? query.to() : clock.instant();
        List<DomainEventMessage<?>> ownerEvents = history(created.ownerId());

        var timeline = new ArrayList<DomainEventMessage<?>>();
        credentialEvents.stream().filter(e -> e.getPayload() instanceof CredentialEvent && usageOf(e.getPayload()) == null)
                .forEach(timeline::add);
        ownerEvents.stream().filter(e -> e.getPayload() instanceof IdentityEvent).forEach(timeline::add);
        timeline.sort(Comparator.comparing(ExposureReport::occurredAt));

        CredentialFacts now = fold(credentialEvents, to);
        return Optional.of(new ExposureView(created.credentialId(), kindName(created), created.ownerId(), from, to,
                rights(timeline, from, to), tokens(credentialEvents, from, to), clients(credentialEvents, from, to),
                now == null ? List.of() : now.recentClients().stream().map(ExposureReport::client).toList(),
                entries(audit.page(new AuditIndex.Filter(query.credentialId(), null, null,
                        AccessRefused.class.getSimpleName(), from, to), MAX_ENTRIES, 0, true)),
                entries(audit.page(new AuditIndex.Filter(null, null, query.credentialId(), null, from, to),
                        MAX_ENTRIES, 0, true))));
    }

    private List<DomainEventMessage<?>> history(String aggregateId) {
        return events.readEvents(aggregateId).asStream().<DomainEventMessage<?>>map(event -> event).toList();
    }

    /**
     * The intervals of state and rights: the facts are folded event by event in time order, and also looked at when
     * an instant they name passes (the credential's expiry, its owner's tenant access ending); an interval opens
     * whenever the state or the rights differ from the last.
     */
    private List<ExposureView.RightsInterval> rights(List<DomainEventMessage<?>> timeline, Instant from, Instant to) {
        var intervals = new ArrayList<ExposureView.RightsInterval>();
        CredentialFacts credential = null;
        OwnerFacts owner = null;
        ExposureView.RightsInterval open = null;
        var changes = new ArrayList<Change>();
        timeline.forEach(event -> changes.add(new Change(occurredAt(event), event, null)));
        var timed = new HashSet<String>();
        int index = 0;
        while (index < changes.size()) {
            Change change = changes.get(index++);
            if (change.at().isAfter(to)) {
                break;
            }
            if (change.event() != null) {
                if (change.event().getPayload() instanceof CredentialEvent e) {
                    credential = CredentialFacts.fold(credential, e);
                } else if (change.event().getPayload() instanceof IdentityEvent e) {
                    owner = OwnerFacts.fold(owner, e);
                }
                addTimedChange(changes, timed, index, credential == null ? null : credential.expiresAt(), "EXPIRY");
                addTimedChange(changes, timed, index, owner == null ? null : owner.tenantAccessExpiresAt(),
                        "TENANT_ACCESS_ENDED");
            }
            if (credential == null) {
                continue;
            }
            var access = new CredentialAccess(credential, owner);
            String state = access.stateAt(change.at()).name();
            List<String> scope = credential.live() ? credential.scope() : List.of();
            List<String> rights = access.rightsAt(change.at(), catalogue).stream().sorted().toList();
            if (open != null && open.state().equals(state) && open.rights().equals(rights)
                    && open.scope().equals(scope)) {
                continue;
            }
            if (open != null) {
                intervals.add(closed(open, change.at()));
            }
            open = new ExposureView.RightsInterval(change.at(), null, state, scope, rights, cause(change));
        }
        if (open != null) {
            intervals.add(open);
        }
        return clip(intervals, from, to);
    }

    /** An instant a fact names becomes a change of its own, in time order, once. */
    private static void addTimedChange(List<Change> changes, Set<String> timed, int from, Instant at,
                                       String cause) {
        if (at == null || !timed.add(cause + "@" + at)) {
            return;
        }
        int position = from;
        while (position < changes.size() && !changes.get(position).at().isAfter(at)) {
            position++;
        }
        changes.add(position, new Change(at, null, cause));
    }

    private static ExposureView.Cause cause(Change change) {
        if (change.event() == null) {
            return new ExposureView.Cause(null, change.timeCause(), change.at(), null);
        }
        Object actor = change.event().getMetaData().get(AuditMetadata.ACTOR_ID);
        return new ExposureView.Cause(change.event().getIdentifier(),
                change.event().getPayload().getClass().getSimpleName(), change.at(),
                actor == null ? null : actor.toString());
    }

    private static ExposureView.RightsInterval closed(ExposureView.RightsInterval open, Instant at) {
        return new ExposureView.RightsInterval(open.from(), at, open.state(), open.scope(), open.rights(),
                open.cause());
    }

    private static List<ExposureView.RightsInterval> clip(List<ExposureView.RightsInterval> intervals, Instant from,
                                                          Instant to) {
        var clipped = new ArrayList<ExposureView.RightsInterval>();
        for (ExposureView.RightsInterval interval : intervals) {
            Instant end = interval.to() == null ? to : interval.to();
            if (!end.isAfter(from) || interval.from().isAfter(to)) {
                continue;
            }
            Instant start = interval.from().isBefore(from) ? from : interval.from();
            clipped.add(new ExposureView.RightsInterval(start, end.isAfter(to) ? to : end, interval.state(),
                    interval.scope(), interval.rights(), interval.cause()));
        }
        return clipped;
    }

    private static ExposureView.Tokens tokens(List<DomainEventMessage<?>> credentialEvents, Instant from,
                                              Instant to) {
        var perMinute = new TreeMap<Instant, Long>();
        var versions = new TreeSet<Integer>();
        long issued = 0;
        for (DomainEventMessage<?> event : credentialEvents) {
            Usage usage = usageOf(event.getPayload());
            Instant at = occurredAt(event);
            if (usage == null || at.isBefore(from) || at.isAfter(to)) {
                continue;
            }
            issued += usage.tokens();
            versions.addAll(usage.secretVersions());
            perMinute.merge(at.truncatedTo(ChronoUnit.MINUTES), (long) usage.tokens(), Long::sum);
        }
        return new ExposureView.Tokens(issued, List.copyOf(versions), perMinute.entrySet().stream()
                .map(minute -> new ExposureView.Minute(minute.getKey(), minute.getValue())).toList());
    }

    private static List<ExposureView.Client> clients(List<DomainEventMessage<?>> credentialEvents, Instant from,
                                                     Instant to) {
        var seen = new LinkedHashMap<String, ExposureView.Client>();
        for (DomainEventMessage<?> event : credentialEvents) {
            Usage usage = usageOf(event.getPayload());
            if (usage == null) {
                continue;
            }
            for (ClientSeen client : usage.clients()) {
                Instant at = client.lastSeen() != null ? client.lastSeen() : occurredAt(event);
                if (at.isBefore(from) || at.isAfter(to)) {
                    continue;
                }
                seen.merge(client.address(), new ExposureView.Client(client.address(), client.country(), at, at),
                        (known, now) -> new ExposureView.Client(known.address(),
                                now.country() != null ? now.country() : known.country(), known.firstSeen(),
                                now.lastSeen()));
            }
        }
        return List.copyOf(seen.values());
    }

    private static ExposureView.Entries entries(AuditIndex.Page page) {
        return new ExposureView.Entries(page.total(), page.entries().stream().map(AuditEventView::of).toList());
    }

    private static CredentialFacts fold(List<DomainEventMessage<?>> credentialEvents, Instant until) {
        CredentialFacts facts = null;
        for (DomainEventMessage<?> event : credentialEvents) {
            if (event.getPayload() instanceof CredentialEvent e && !e.occurredAt().isAfter(until)) {
                facts = CredentialFacts.fold(facts, e);
            }
        }
        return facts;
    }

    private static Usage usageOf(Object payload) {
        return payload instanceof CredentialUsed used ? used.tally() : null;
    }

    private static ExposureView.Client client(ClientSeen seen) {
        return new ExposureView.Client(seen.address(), seen.country(), null, seen.lastSeen());
    }

    private static Instant occurredAt(DomainEventMessage<?> event) {
        if (event.getPayload() instanceof CredentialEvent e) {
            return e.occurredAt();
        }
        if (event.getPayload() instanceof IdentityEvent e) {
            return e.occurredAt();
        }
        return event.getTimestamp();
    }

    private static String kindName(CredentialFacts facts) {
        return switch (facts.kind()) {
            case API_CLIENT -> "OAUTH_CLIENT";
            case PERSONAL_ACCESS_TOKEN -> "PERSONAL_ACCESS_TOKEN";
        };
    }
}
