package dev.idcred.query.support;

import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.StreamableMessageSource;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The event store as the pooled streaming processors' source, with one addition: their streams hear of new events
 * the moment the appending transaction commits. Axon's embedded store offers no availability callback, so a pooled
 * processor would otherwise poll every 500 ms, and every read would lag a write by up to half a second. Events
 * appended by another process are signalled by a periodic tick instead.
 */
public final class CommitNotifyingEventSource implements StreamableMessageSource<TrackedEventMessage<?>>, AutoCloseable {

    private final EventStore store;
    /** How long a stream's first look after a commit waits for the store to hand over the committed events. */
    private static final long COMMITTED_EVENTS_WAIT_MILLIS = 100;

    private final Set<SignalledStream> streams = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "read-side-event-tick");
        thread.setDaemon(true);
        return thread;
    });

    public CommitNotifyingEventSource(EventStore store, long tickMillis) {
        this.store = store;
        store.subscribe(events -> {
            if (CurrentUnitOfWork.isStarted()) {
                CurrentUnitOfWork.get().afterCommit(unitOfWork -> signal(true));
            } else {
                signal(true);
            }
        });
        ticker.scheduleWithFixedDelay(() -> signal(false), tickMillis, tickMillis, TimeUnit.MILLISECONDS);
    }

    /** Has every stream look for new events now, rather than at the next tick: for events another process appended. */
    public void wake() {
        signal(false);
    }

    private void signal(boolean committedHere) {
        streams.forEach(stream -> stream.signal(committedHere));
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

    @Override
    public void close() {
        ticker.shutdownNow();
    }

    /** The store's stream, plus the availability callback the processor asks for. */
    private final class SignalledStream implements BlockingStream<TrackedEventMessage<?>> {

        private final BlockingStream<TrackedEventMessage<?>> delegate;
        private volatile Runnable callback;
        private volatile boolean committedEventsPending;

        private SignalledStream(BlockingStream<TrackedEventMessage<?>> delegate) {
            this.delegate = delegate;
        }

        void signal(boolean committedHere) {
            Runnable current = callback;
            if (current != null) {
                committedEventsPending |= committedHere;
                current.run();
            }
        }

        @Override
        public Optional<TrackedEventMessage<?>> peek() {
            return delegate.peek();
        }

        @Override
        public boolean hasNextAvailable(int timeout, TimeUnit unit) throws InterruptedException {
            if (committedEventsPending) {
                committedEventsPending = false;
                long wait = Math.max(unit.toMillis(timeout), COMMITTED_EVENTS_WAIT_MILLIS);
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
