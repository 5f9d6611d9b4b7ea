package dev.idcred.query.eventlog;

import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.StreamableMessageSource;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The event store as the read models' processors see it, with what Axon's embedded store lacks: an availability
 * callback. Their streams hear of new events the moment an appending transaction of this process commits, or when
 * {@link #wake} says another process appended some (a PostgreSQL notification), so a read follows a write within
 * milliseconds instead of at the processors' next poll.
 */
public final class EventFeed implements StreamableMessageSource<TrackedEventMessage<?>> {

    /**
     * How long a stream's first look after a signal waits for the store to hand over the new events: a signal means
     * events were committed, so they are worth waiting for rather than missed until the processor's next look.
     */
    private static final long NEW_EVENTS_WAIT_MILLIS = 500;

    private final NotifiedEventStore store;
    private final Set<SignalledStream> streams = ConcurrentHashMap.newKeySet();

    public EventFeed(NotifiedEventStore store) {
        this.store = store;
        store.subscribe(events -> {
            if (CurrentUnitOfWork.isStarted()) {
                CurrentUnitOfWork.get().afterCommit(unitOfWork -> signal());
            } else {
                signal();
            }
        });
    }

    /** Another process appended events: have the store read them and every stream look for them now. */
    public void wake() {
        store.eventsAppendedElsewhere();
        signal();
    }

    private void signal() {
        streams.forEach(SignalledStream::signal);
    }

    @Override
    public BlockingStream<TrackedEventMessage<?>> openStream(TrackingToken trackingToken) {
        return new SignalledStream(store.openStream(trackingToken));
    }

    @Override
    public TrackingToken createTailToken() {
        return store.createTailToken();
    }

    @Override
    public TrackingToken createHeadToken() {
        return store.createHeadToken();
    }

    @Override
    public TrackingToken createTokenAt(Instant dateTime) {
        return store.createTokenAt(dateTime);
    }

    /** The store's stream, plus the availability callback the processor asks for. */
    private final class SignalledStream implements BlockingStream<TrackedEventMessage<?>> {

        private final BlockingStream<TrackedEventMessage<?>> delegate;
        private volatile Runnable callback;
        private volatile boolean newEventsSignalled;

        private SignalledStream(BlockingStream<TrackedEventMessage<?>> delegate) {
            this.delegate = delegate;
        }

        void signal() {
            Runnable current = callback;
            if (current != null) {
                newEventsSignalled = true;
                current.run();
            }
        }

        @Override
        public Optional<TrackedEventMessage<?>> peek() {
            return delegate.peek();
        }

        @Override
        public boolean hasNextAvailable(int timeout, TimeUnit unit) throws InterruptedException {
            if (newEventsSignalled) {
                newEventsSignalled = false;
                long wait = Math.max(unit.toMillis(timeout), NEW_EVENTS_WAIT_MILLIS);
                return delegate.hasNextAvailable((int) wait, TimeUnit.MILLISECONDS);
            }
            return delegate.hasNextAvailable(timeout, unit);
        }

        @Override
        public TrackedEventMessage<?> nextAvailable() throws InterruptedException {
            return delegate.nextAvailable();
        }

        @Override
        public void skipMessagesWithPayloadTypeOf(TrackedEventMessage<?> ignoredMessage) {
            delegate.skipMessagesWithPayloadTypeOf(ignoredMessage);
        }

        @Override
        public boolean setOnAvailableCallback(Runnable newCallback) {
            callback = newCallback;
            streams.add(this);
            return true;
        }

        @Override
        public void close() {
            streams.remove(this);
            delegate.close();
        }
    }
}
