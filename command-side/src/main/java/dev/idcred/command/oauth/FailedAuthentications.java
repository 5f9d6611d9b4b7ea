package dev.idcred.command.oauth;

import dev.idcred.access.audit.StandaloneEvents;
import dev.idcred.shared.common.AuditMetadata;
import dev.idcred.shared.token.ClientAuthenticationThrottled;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Throttles guessing at client secrets: a client id with {@value #MAX_PER_CLIENT} failed authentications in a
 * minute, or a client address with {@value #MAX_PER_ADDRESS}, is refused with 429 (and {@code Retry-After}) until
 * that minute has passed, right secret or not; each throttle is written to the log as a
 * {@link ClientAuthenticationThrottled} event, once when it trips. Counted per instance, in memory; the counts of
 * minutes gone are forgotten, so memory stays bounded by one minute's failures.
 */
@Component
class FailedAuthentications {

    static final int MAX_PER_CLIENT = 10;
    static final int MAX_PER_ADDRESS = 50;
    private static final int MAX_ID_LENGTH = 64;
    private static final Logger log = LoggerFactory.getLogger(FailedAuthentications.class);

    private record Count(long minute, int failures) {
    }

    private final Map<String, Count> byClient = new ConcurrentHashMap<>();
    private final Map<String, Count> byAddress = new ConcurrentHashMap<>();
    private final StandaloneEvents events;
    private final Clock clock;

    FailedAuthentications(StandaloneEvents events, Clock clock) {
        this.events = events;
        this.clock = clock;
    }

    /** Refuses the attempt with 429 if its client id or address is throttled now. */
    void ensureNotThrottled(String clientId, String address) {
        Instant now = clock.instant();
        long minute = minuteOf(now);
        if (throttled(byClient.get(key(clientId)), minute, MAX_PER_CLIENT)
                || throttled(byAddress.get(address), minute, MAX_PER_ADDRESS)) {
            throw TokenRequestRefused.throttled(secondsLeftIn(now));
        }
    }

    void failed(String clientId, String address) {
        Instant now = clock.instant();
        long minute = minuteOf(now);
        String client = key(clientId);
        if (count(byClient, client, minute) == MAX_PER_CLIENT) {
            tripped(new ClientAuthenticationThrottled(client, address, MAX_PER_CLIENT, until(now), now));
        }
        if (address != null && count(byAddress, address, minute) == MAX_PER_ADDRESS) {
            tripped(new ClientAuthenticationThrottled(null, address, MAX_PER_ADDRESS, until(now), now));
        }
    }

    @Scheduled(fixedDelayString = "PT30S")
    void forgetMinutesGone() {
        long minute = minuteOf(clock.instant());
        byClient.values().removeIf(count -> count.minute() < minute);
        byAddress.values().removeIf(count -> count.minute() < minute);
    }

    private static int count(Map<String, Count> counts, String key, long minute) {
        return counts.compute(key, (k, count) -> count == null || count.minute() != minute ? new Count(minute, 1)
                : new Count(minute, count.failures() + 1)).failures();
    }

    private static boolean throttled(Count count, long minute, int max) {
        return count != null && count.minute() == minute && count.failures() >= max;
    }

    private void tripped(ClientAuthenticationThrottled throttle) {
        log.warn("Throttling client authentication of {} until {}: {} failures in a minute", throttle.subjectId(),
                throttle.until(), throttle.failures());
        events.append(throttle, AuditMetadata.SYSTEM);
    }

    private static String key(String clientId) {
        String id = clientId == null ? "" : clientId;
        return id.length() <= MAX_ID_LENGTH ? id : id.substring(0, MAX_ID_LENGTH);
    }

    private static long minuteOf(Instant instant) {
        return instant.getEpochSecond() / 60;
    }

    private static Instant until(Instant now) {
        return Instant.ofEpochSecond((minuteOf(now) + 1) * 60);
    }

    private static long secondsLeftIn(Instant now) {
        return Math.max(1, 60 - now.getEpochSecond() % 60);
    }
}
