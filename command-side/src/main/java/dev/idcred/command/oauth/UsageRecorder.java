package dev.idcred.command.oauth;

import dev.idcred.access.audit.StandaloneEvents;
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
 * Turns token issuances into usage, tallied per credential and period ({@code credentials.usage.tally-period}, a
 * minute) before the command bus. A credential's first token in a period is recorded at once, so {@code lastUsed} is
 * fresh; the rest of that period's tokens (how many, with which secret versions, from which addresses) are recorded as
 * one tally once the period is over. So a credential writes at most two usage events a period per instance however
 * many tokens it obtains, and the log still counts every token: what the exposure report's usage is made of.
 */
@Component
@EnableConfigurationProperties(UsageRecorder.UsageProperties.class)
class UsageRecorder implements SmartLifecycle, SchedulingConfigurer {

    /** How long a tally gathers tokens ({@code credentials.usage.tally-period}). */
    @ConfigurationProperties("credentials.usage")
    record UsageProperties(@DefaultValue("1m") Duration tallyPeriod) {
    }

    private static final Logger log = LoggerFactory.getLogger(UsageRecorder.class);
    /** Distinct addresses one tally names; a period with more from one credential keeps the first ones. */
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

    @Override
    public void configureTasks(ScheduledTaskRegistrar tasks) {
        long interval = Math.max(200, Math.min(periodMillis / 2, 10_000));
        tasks.addFixedDelayTask(this::recordEndedPeriods, Duration.ofMillis(interval));
    }

    /** A credential's period of usage, not yet recorded beyond its first token. */
    private static final class Tally {
        private final CredentialKind kind;
        private final long period;
        private boolean firstRecorded;
        private int tokens;
        private Instant lastAt;
        private final TreeSet<Integer> versions = new TreeSet<>();
        private final Map<String, ClientSeen> clients = new LinkedHashMap<>();

        Tally(CredentialKind kind, long period) {
            this.kind = kind;
            this.period = period;
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
        long period = usedAt.toEpochMilli() / periodMillis;
        Tally ended = null;
        Usage first = null;
        Instant firstAt = null;
        synchronized (this) {
            Tally tally = open.get(credentialId);
            if (tally != null && tally.period != period) {
                ended = tally;
                open.remove(credentialId);
                tally = null;
            }
            if (tally == null) {
                tally = new Tally(kind, period);
                open.put(credentialId, tally);
            }
            tally.add(usedAt, secretVersion, origin);
            if (!tally.firstRecorded) {
                tally.firstRecorded = true;
                firstAt = tally.lastAt;
                first = tally.drain();
            }
        }
        if (ended != null) {
            record(credentialId, ended);
        }
        if (first != null) {
            send(credentialId, kind, firstAt, first);
        }
    }

    /**
     * Records what is pending of one credential's tally now: called before the credential is deleted or stopped,
     * so the tokens it obtained in its last period are in its log too (on this instance; another instance's pending
     * tally of the same period is lost with the credential).
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

    /** Records the tallies of periods that are over. */
    void recordEndedPeriods() {
        recordPeriodsBefore(clock.instant().toEpochMilli() / periodMillis);
    }

    @Override
    public void start() {
        running = true;
    }

    /** At shutdown, before the processors stop: the tallies of the period in progress are recorded too. */
    @Override
    public void stop() {
        running = false;
        recordPeriodsBefore(Long.MAX_VALUE);
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return StandaloneEvents.FLUSH_PHASE;
    }

    private void recordPeriodsBefore(long now) {
        var ended = new LinkedHashMap<String, Tally>();
        synchronized (this) {
            for (Iterator<Map.Entry<String, Tally>> i = open.entrySet().iterator(); i.hasNext(); ) {
                Map.Entry<String, Tally> entry = i.next();
                if (entry.getValue().period < now) {
                    ended.put(entry.getKey(), entry.getValue());
                    i.remove();
                }
            }
        }
        ended.forEach(this::record);
    }

    private void record(String credentialId, Tally tally) {
        if (tally.tokens > 0) {
            Instant at = tally.lastAt;
            send(credentialId, tally.kind, at, tally.drain());
        }
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
