package dev.idcred.query.eventlog;

import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;

import java.util.List;

/**
 * Axon's embedded event store, which reads new events as soon as this process appends them, and can be told that
 * another process did ({@link #eventsAppendedElsewhere}), so the read models follow those at once too rather than at
 * its next poll.
 */
public class NotifiedEventStore extends EmbeddedEventStore {

    public NotifiedEventStore(Builder builder) {
        super(builder);
    }

    /** Has the store read the log now: another process appended events. */
    public void eventsAppendedElsewhere() {
        afterCommit(List.of());
    }
}
