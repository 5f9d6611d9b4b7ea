package dev.idcred.command.oauth;

import dev.idcred.access.audit.OutcomeRecorder;
import dev.idcred.access.network.ClientOrigin;
import dev.idcred.shared.common.AuditMetadata;
import dev.idcred.shared.usage.ClientSeen;
import dev.idcred.shared.usage.CredentialKind;
import dev.idcred.shared.usage.RecordUsage;
import dev.idcred.shared.usage.Usage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Turns token issuances into usage events, at most one per credential and period ({@code credentials.usage.tally-period},
 * a minute) on each instance, and every token counted within a period of its issue. A credential's first token opens a
 * window and is recorded at once (so {@code lastUsed} is fresh); the tokens that follow within the window (how many,
 * with which secret versions, from which addresses) are recorded as one tally when the window ends, which opens the
 * next window; a window that ends with nothing pending closes. So a credential's usage events are a period apart
 * however many tokens it obtains, and the log still counts every token: what the exposure report's usage is made of.
 * Pending tallies are written before the credential is deleted or stopped, and at shutdown.
 */
@Component
@EnableConfigurationProperties(UsageRecorder.UsageProperties.class)
class UsageRecorder implements SmartLifecycle, SchedulingConfigurer {

    /** How long a window gathers tokens ({@code credentials.usage.tally-period}). */
    @ConfigurationProperties("credentials.usage")
    record UsageProperties(@DefaultValue("1m") Duration tallyPeriod) {
    }

    private static final Logger log = LoggerFactory.getLogger(UsageRecorder.class);
    /** Distinct addresses one tally names; a window with more from one credential keeps the first ones. */
    static final int MAX_CLIENTS_PER_TALLY = 20;

    private final CommandGateway commands;
    private final Clock clock;
    private final long periodMillis;
    private final Map<String, Tally> open = new ConcurrentHashMap<>();
    private volatile boolean running;

    UsageRecorder(CommandGateway commands, Clock clock, UsageProperties properties) {
        this.commands = commands;
        this.clock = clock;
        this.periodMillis = Math.max(1, properties.tallyPeriod().toMillis());
    }

    /** Windows are closed within a quarter of a second of their end (or a quarter of a shorter period). */
    @Override
    public void configureTasks(ScheduledTaskRegistrar tasks) {
        long interval = Math.max(20, Math.min(periodMillis / 4, 250));
        tasks.addFixedDelayTask(this::recordEndedWindows, Duration.ofMillis(interval));
    }

    /** A credential's window of usage: when its last usage event was written, and what came since. */
    private static final class Tally {
        private final CredentialKind kind;
        private long windowStart;
        private int tokens;
        private Instant lastAt;
        private final TreeSet<Integer> versions = new TreeSet<>();
        private final Map<String, ClientSeen> clients = new LinkedHashMap<>();

        Tally(CredentialKind kind, long windowStart) {
            this.kind = kind;
            this.windowStart = windowStart;
        }

        void add(Instant at, int secretVersion, ClientOrigin origin) {
            tokens++;
            lastAt = at;
            versions.add(secretVersion);
            if (origin != null && origin.address() != null
                    && (clients.containsKey(origin.address()) || clients.size() < MAX_CLIENTS_PER_TALLY)) {
                clients.put(origin.address(), new ClientSeen(origin.address(), origin.country(), at));
            }
        }

        boolean endedBy(long now, long periodMillis) {
            return now >= windowStart + periodMillis;
        }

        /** What is not recorded yet, and starts afresh. */
        Usage drain() {
            var usage = new Usage(tokens, List.copyOf(versions), new ArrayList<>(clients.values()));
            tokens = 0;
            versions.clear();
            clients.clear();
            return usage;
        }
    }

    void used(String credentialId, CredentialKind kind, Instant usedAt, int secretVersion, ClientOrigin origin) {
        long now = usedAt.toEpochMilli();
        Usage recordNow = null;
        synchronized (this) {
            Tally tally = open.get(credentialId);
            if (tally != null && tally.endedBy(now, periodMillis) && tally.tokens == 0) {
                open.remove(credentialId);
                tally = null;
            }
            if (tally == null) {
                tally = new Tally(kind, now);
                open.put(credentialId, tally);
                tally.add(usedAt, secretVersion, origin);
                recordNow = tally.drain();
            } else {
                tally.add(usedAt, secretVersion, origin);
                if (tally.endedBy(now, periodMillis)) { // ended with tokens pending, not yet closed: close it now
                    recordNow = tally.drain();
                    tally.windowStart = now;
                }
            }
        }
        if (recordNow != null) {
            send(credentialId, kind, usedAt, recordNow);
        }
    }

    /**
     * Records what is pending of one credential's tally now: called before the credential is deleted or stopped,
     * so the tokens it obtained in its last window are in its log too (on this instance; another instance's pending
     * tally is lost with the credential).
     */
    void recordPendingOf(String credentialId) {
        Tally tally;
        synchronized (this) {
            tally = open.remove(credentialId);
        }
        if (tally != null && tally.tokens > 0) {
            Instant at = tally.lastAt;
            sendAndWait(credentialId, tally.kind, at, tally.drain());
        }
    }

    /** Records the tallies of windows that are over; each opens the next window, or closes if nothing was pending. */
    void recordEndedWindows() {
        long now = clock.instant().toEpochMilli();
        var ended = new ArrayList<Pending>();
        synchronized (this) {
            for (Iterator<Map.Entry<String, Tally>> i = open.entrySet().iterator(); i.hasNext(); ) {
                Map.Entry<String, Tally> entry = i.next();
                Tally tally = entry.getValue();
                if (!tally.endedBy(now, periodMillis)) {
                    continue;
                }
                if (tally.tokens == 0) {
                    i.remove();
                } else {
                    ended.add(new Pending(entry.getKey(), tally.kind, tally.lastAt, tally.drain()));
                    tally.windowStart = now;
                }
            }
        }
        ended.forEach(pending -> send(pending.credentialId(), pending.kind(), pending.at(), pending.usage()));
    }

    private record Pending(String credentialId, CredentialKind kind, Instant at, Usage usage) {
    }

    @Override
    public void start() {
        running = true;
    }

    /** At shutdown, before the processors stop: the pending tallies are recorded too. */
    @Override
    public void stop() {
        running = false;
        var pending = new LinkedHashMap<String, Tally>();
        synchronized (this) {
            pending.putAll(open);
            open.clear();
        }
        pending.forEach((id, tally) -> {
            if (tally.tokens > 0) {
                Instant at = tally.lastAt;
                send(id, tally.kind, at, tally.drain());
            }
        });
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return OutcomeRecorder.FLUSH_PHASE;
    }

    private void sendAndWait(String credentialId, CredentialKind kind, Instant usedAt, Usage usage) {
        try {
            commands.sendAndWait(GenericCommandMessage.asCommandMessage(new RecordUsage(credentialId, kind, usedAt,
                    usage)).andMetaData(MetaData.with(AuditMetadata.ACTOR_ID, AuditMetadata.SYSTEM)));
        } catch (RuntimeException e) {
            log.debug("Usage of {} not recorded: {}", credentialId, e.toString());
        }
    }

    private void send(String credentialId, CredentialKind kind, Instant usedAt, Usage usage) {
        var sent = commands.send(GenericCommandMessage.asCommandMessage(new RecordUsage(credentialId, kind, usedAt, usage))
                        .andMetaData(MetaData.with(AuditMetadata.ACTOR_ID, AuditMetadata.SYSTEM)))
                .whenComplete((result, failure) -> {
                    if (failure != null) {
                        log.debug("Usage of {} not recorded: {}", credentialId, failure.toString());
                    }
                });
        if (!running) {
            sent.exceptionally(failure -> null).join();
        }
    }
}
