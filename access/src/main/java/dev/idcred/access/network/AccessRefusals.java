package dev.idcred.access.network;

import dev.idcred.access.audit.OutcomeRecorder;
import dev.idcred.shared.common.AuditMetadata;
import dev.idcred.shared.common.NetworkRules;
import dev.idcred.shared.credential.CredentialFacts;
import dev.idcred.shared.token.AccessRefused;
import dev.idcred.shared.token.RecordAccessRefusal;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
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
 * credential's owner (through {@link RecordAccessRefusal}, which {@link OutcomeRecorder} handles), so the audit trail shows them beside the credential's own events. Refusals are coalesced per
 * credential and rule in windows of a minute: the first refusal opens a window and is written at once (count 1); the
 * ones that follow within the window are written as one event with their count when it ends, which opens the next
 * window; a window that ends with none pending closes. The request is cut to {@value #MAX_REQUEST_LENGTH}
 * characters. So a stolen token used from outside its networks adds at most one small event a minute per rule and
 * instance, however often and with however long a path it is tried. Either side may refuse a call, so either side
 * appends them.
 */
@Component
public class AccessRefusals implements SmartLifecycle {

    static final int MAX_REQUEST_LENGTH = 200;
    private static final Logger log = LoggerFactory.getLogger(AccessRefusals.class);

    private record Key(String credentialId, String rule) {
    }

    /** The refusals of one key in one window: when it opened, the refusal it describes, how many are pending. */
    private record Window(long startMillis, AccessRefused first, int later, Instant lastAt) {
        boolean endedBy(long nowMillis) {
            return nowMillis >= startMillis + WINDOW_MILLIS;
        }
    }

    private static final long WINDOW_MILLIS = 60_000;

    private final CommandGateway commands;
    private final Clock clock;
    private final Map<Key, Window> windows = new ConcurrentHashMap<>();
    private volatile boolean running;

    public AccessRefusals(CommandGateway commands, Clock clock) {
        this.commands = commands;
        this.clock = clock;
    }

    public void record(CredentialFacts credential, ClientOrigin origin, NetworkRules.Refusal refusal,
                       String request) {
        Instant now = clock.instant();
        long nowMillis = now.toEpochMilli();
        var refused = new AccessRefused(credential.credentialId(), credential.kind(), credential.ownerId(),
                refusal.rule(), origin.address(), origin.country(), refusal.reason(), cut(request), 1, now);
        Key key = new Key(credential.credentialId(), refusal.rule());
        var toPublish = new AccessRefused[1];
        windows.compute(key, (k, window) -> {
            if (window != null && !window.endedBy(nowMillis)) {
                return new Window(window.startMillis(), window.first(), window.later() + 1, now);
            }
            // No window, or one that ended but is not closed yet: this refusal (with any pending) is written now.
            toPublish[0] = window == null || window.later() == 0 ? refused
                    : summary(new Window(window.startMillis(), window.first(), window.later() + 1, now));
            return new Window(nowMillis, refused, 0, now);
        });
        if (toPublish[0] != null) {
            publish(toPublish[0]);
        }
    }

    /** Writes the count of every window that has ended with refusals pending; a window without any closes. */
    @Scheduled(fixedDelayString = "PT1S")
    void writeEndedWindows() {
        long now = clock.millis();
        windows.forEach((key, window) -> {
            if (!window.endedBy(now)) {
                return;
            }
            if (window.later() == 0) {
                windows.remove(key, window);
            } else if (windows.replace(key, window, new Window(now, window.first(), 0, window.lastAt()))) {
                publish(summary(window));
            }
        });
    }

    @Override
    public void start() {
        running = true;
    }

    /** At shutdown, before the processors stop: the counts still pending are written too. */
    @Override
    public void stop() {
        windows.forEach((key, window) -> {
            if (windows.remove(key, window) && window.later() > 0) {
                publish(summary(window));
            }
        });
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return OutcomeRecorder.FLUSH_PHASE;
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
        commands.sendAndWait(GenericCommandMessage.asCommandMessage(new RecordAccessRefusal(refused))
                .andMetaData(MetaData.with(AuditMetadata.ACTOR_ID, refused.identityId())));
    }

    private static String cut(String request) {
        return request.length() <= MAX_REQUEST_LENGTH ? request : request.substring(0, MAX_REQUEST_LENGTH) + "…";
    }
}
