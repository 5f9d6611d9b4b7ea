package dev.idcred.access.network;

import dev.idcred.access.audit.StandaloneEvents;
import dev.idcred.shared.common.NetworkRules;
import dev.idcred.shared.credential.CredentialFacts;
import dev.idcred.shared.token.AccessRefused;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Writes calls refused by a network rule into the event log as {@link AccessRefused} events acted by the
 * credential's owner, so the audit trail shows them beside the credential's own events. Refusals are coalesced per
 * credential, rule and minute: the first is written at once (count 1), the rest of that minute as one more event
 * with their count when the minute ends, and the request is cut to {@value #MAX_REQUEST_LENGTH} characters. So a
 * stolen token used from outside its networks adds at most two small events a minute per rule and instance, however
 * often and with however long a path it is tried. Either side may refuse a call, so either side appends them.
 */
@Component
public class AccessRefusals implements SmartLifecycle {

    static final int MAX_REQUEST_LENGTH = 200;
    private static final Logger log = LoggerFactory.getLogger(AccessRefusals.class);

    private record Key(String credentialId, String rule) {
    }

    /** The refusals of one key in one minute: the first as written, and how many came after it. */
    private record Window(long minute, AccessRefused first, int later, Instant lastAt) {
    }

    private final StandaloneEvents events;
    private final Clock clock;
    private final Map<Key, Window> windows = new ConcurrentHashMap<>();
    private volatile boolean running;

    public AccessRefusals(StandaloneEvents events, Clock clock) {
        this.events = events;
        this.clock = clock;
    }

    public void record(CredentialFacts credential, ClientOrigin origin, NetworkRules.Refusal refusal,
                       String request) {
        Instant now = clock.instant();
        long minute = now.getEpochSecond() / 60;
        var refused = new AccessRefused(credential.credentialId(), credential.kind(), credential.ownerId(),
                refusal.rule(), origin.address(), origin.country(), refusal.reason(), cut(request), 1, now);
        Key key = new Key(credential.credentialId(), refusal.rule());
        var toPublish = new AccessRefused[2];
        windows.compute(key, (k, window) -> {
            if (window != null && window.minute() == minute) {
                return new Window(minute, window.first(), window.later() + 1, now);
            }
            toPublish[0] = window == null ? null : summary(window);
            toPublish[1] = refused;
            return new Window(minute, refused, 0, now);
        });
        for (AccessRefused event : toPublish) {
            if (event != null) {
                publish(event);
            }
        }
    }

    /** Writes the count of every minute that has ended with refusals not yet written. */
    @Scheduled(fixedDelayString = "PT10S")
    void writeEndedMinutes() {
        writeMinutesBefore(clock.instant().getEpochSecond() / 60);
    }

    private void writeMinutesBefore(long minute) {
        windows.forEach((key, window) -> {
            if (window.minute() < minute && windows.remove(key, window) && window.later() > 0) {
                publish(summary(window));
            }
        });
    }

    @Override
    public void start() {
        running = true;
    }

    /** At shutdown, before the processors stop: the counts of the minute in progress are written too. */
    @Override
    public void stop() {
        writeMinutesBefore(Long.MAX_VALUE);
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return StandaloneEvents.FLUSH_PHASE;
    }

    private static AccessRefused summary(Window window) {
        if (window.later() == 0) {
            return null;
        }
        AccessRefused first = window.first();
        return new AccessRefused(first.credentialId(), first.kind(), first.identityId(), first.rule(),
                first.clientAddress(), first.country(), first.reason(), first.request(), window.later(),
                window.lastAt());
    }

    private void publish(AccessRefused refused) {
        log.warn("Refused {} ({} call(s)) from {}: {}", refused.credentialId(), refused.count(),
                new ClientOrigin(refused.clientAddress(), refused.country()), refused.reason());
        events.append(refused, refused.identityId());
    }

    private static String cut(String request) {
        return request.length() <= MAX_REQUEST_LENGTH ? request : request.substring(0, MAX_REQUEST_LENGTH) + "…";
    }
}
