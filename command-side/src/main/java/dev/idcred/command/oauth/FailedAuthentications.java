package dev.idcred.command.oauth;

import dev.idcred.command.Commands;
import dev.idcred.shared.token.ClientAuthenticationThrottled;
import dev.idcred.shared.token.RecordAuthenticationThrottle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Throttles guessing at client secrets without locking out the rightful client. Client ids are not secret, so anyone
 * can fail for any id; what is throttled is where the failures come from:
 * <ul>
 *     <li><b>A client id from one address</b> gets {@value #FREE_FAILURES} failures, then waits before each next
 *     attempt, the wait doubling from {@link #FIRST_WAIT} to {@link #LONGEST_WAIT}; a success from that address
 *     clears it.</li>
 *     <li><b>An address</b> with {@value #MAX_PER_ADDRESS} failures in a minute, whatever ids it tries, waits out the
 *     minute (spraying many ids from one place).</li>
 *     <li><b>A client id</b> with {@value #MAX_PER_CLIENT} failures in a minute from addresses it never
 *     authenticated from (guessing from many places) is refused from such addresses for the rest of the minute;
 *     the last {@value #KNOWN_ADDRESSES} addresses it did authenticate from still get in.</li>
 * </ul>
 * A refusal is 429 with {@code Retry-After}, right secret or not; each throttle is written to the log once, as a
 * {@link ClientAuthenticationThrottled} event, when it trips. Counted per instance, in memory, with every table bounded.
 */
@Component
public class FailedAuthentications {

    static final int FREE_FAILURES = 5;
    static final Duration FIRST_WAIT = Duration.ofSeconds(1);
    static final Duration LONGEST_WAIT = Duration.ofMinutes(15);
    static final int MAX_PER_ADDRESS = 50;
    static final int MAX_PER_CLIENT = 20;
    static final int KNOWN_ADDRESSES = 5;
    /** The most ids, addresses or pairs each table follows; beyond it, the oldest are forgotten. */
    static final int MAX_TRACKED = 50_000;
    private static final int MAX_ID_LENGTH = 64;
    private static final Logger log = LoggerFactory.getLogger(FailedAuthentications.class);

    private record Strikes(int failures, Instant waitUntil, Instant lastFailure) {
    }

    private record Count(long minute, int failures) {
    }

    private final Map<String, Strikes> byPair = new ConcurrentHashMap<>();
    private final Map<String, Count> byAddress = new ConcurrentHashMap<>();
    private final Map<String, Count> byClient = new ConcurrentHashMap<>();
    private final Map<String, Deque<String>> knownAddresses = Collections.synchronizedMap(
            new LinkedHashMap<>(1024, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, Deque<String>> eldest) {
                    return size() > MAX_TRACKED;
                }
            });
    private final Commands commands;
    private final Clock clock;

    FailedAuthentications(Commands commands, Clock clock) {
        this.commands = commands;
        this.clock = clock;
    }

    /** Refuses the attempt with 429 if its client id, from its address, is throttled now. */
    void ensureNotThrottled(String clientId, String address) {
        Instant now = clock.instant();
        String client = key(clientId);
        Strikes strikes = byPair.get(pair(client, address));
        if (strikes != null && strikes.waitUntil() != null && now.isBefore(strikes.waitUntil())) {
            throw TokenRequestRefused.throttled(secondsUntil(now, strikes.waitUntil()));
        }
        long minute = minuteOf(now);
        boolean known = isKnown(client, address);
        if (!known && (over(byAddress.get(address), minute, MAX_PER_ADDRESS)
                || over(byClient.get(client), minute, MAX_PER_CLIENT))) {
            throw TokenRequestRefused.throttled(secondsUntil(now, nextMinute(now)));
        }
    }

    /**
     * For the sign-in page, which counts a username's failures from an address as a client id's: how many seconds
     * to wait before trying again (0: go ahead).
     */
    public long secondsToWait(String clientId, String address) {
        try {
            ensureNotThrottled(clientId, address);
            return 0;
        } catch (TokenRequestRefused e) {
            return Math.max(1, e.retryAfterSeconds());
        }
    }

    public void failed(String clientId, String address) {
        Instant now = clock.instant();
        String client = key(clientId);
        Strikes strikes = byPair.size() < MAX_TRACKED || byPair.containsKey(pair(client, address))
                ? byPair.merge(pair(client, address), new Strikes(1, null, now), (was, one) -> next(was, now)) : null;
        if (strikes != null && strikes.failures() == FREE_FAILURES) {
            tripped(new ClientAuthenticationThrottled(client, address, FREE_FAILURES, strikes.waitUntil(), now));
        }
        long minute = minuteOf(now);
        if (address != null && count(byAddress, address, minute) == MAX_PER_ADDRESS) {
            tripped(new ClientAuthenticationThrottled(null, address, MAX_PER_ADDRESS, nextMinute(now), now));
        }
        if (!isKnown(client, address) && count(byClient, client, minute) == MAX_PER_CLIENT) {
            tripped(new ClientAuthenticationThrottled(client, null, MAX_PER_CLIENT, nextMinute(now), now));
        }
    }

    /** The client proved its secret from this address: its failures there are forgiven, and the address is its own. */
    public void succeeded(String clientId, String address) {
        String client = key(clientId);
        byPair.remove(pair(client, address));
        if (address == null) {
            return;
        }
        synchronized (knownAddresses) {
            Deque<String> known = knownAddresses.computeIfAbsent(client, c -> new ArrayDeque<>(KNOWN_ADDRESSES));
            known.remove(address);
            known.addFirst(address);
            while (known.size() > KNOWN_ADDRESSES) {
                known.removeLast();
            }
        }
    }

    @Scheduled(fixedDelayString = "PT30S")
    void forgetWhatIsOver() {
        Instant now = clock.instant();
        long minute = minuteOf(now);
        byAddress.values().removeIf(count -> count.minute() < minute);
        byClient.values().removeIf(count -> count.minute() < minute);
        byPair.values().removeIf(strikes -> strikes.lastFailure().plus(LONGEST_WAIT).isBefore(now));
    }

    /** One more failure of a pair: past the free ones, the wait before the next attempt doubles each time. */
    private static Strikes next(Strikes was, Instant now) {
        int failures = was.failures() + 1;
        if (failures < FREE_FAILURES) {
            return new Strikes(failures, null, now);
        }
        int doublings = Math.min(failures - FREE_FAILURES, 20);
        Duration wait = FIRST_WAIT.multipliedBy(1L << doublings);
        return new Strikes(failures, now.plus(wait.compareTo(LONGEST_WAIT) > 0 ? LONGEST_WAIT : wait), now);
    }

    private boolean isKnown(String client, String address) {
        synchronized (knownAddresses) {
            Deque<String> known = knownAddresses.get(client);
            return known != null && address != null && known.contains(address);
        }
    }

    private static int count(Map<String, Count> counts, String key, long minute) {
        if (counts.size() >= MAX_TRACKED && !counts.containsKey(key)) {
            return 0;
        }
        return counts.compute(key, (k, count) -> count == null || count.minute() != minute ? new Count(minute, 1)
                : new Count(minute, count.failures() + 1)).failures();
    }

    private static boolean over(Count count, long minute, int max) {
        return count != null && count.minute() == minute && count.failures() >= max;
    }

    private void tripped(ClientAuthenticationThrottled throttle) {
        log.warn("Throttling client authentication of {} until {}: {} failures", throttle.subjectId(),
                throttle.until(), throttle.failures());
        commands.sendAsSystem(new RecordAuthenticationThrottle(throttle));
    }

    private static String pair(String client, String address) {
        return client + " " + address;
    }

    /**
     * The id as the tables and the log keep it: at most {@value #MAX_ID_LENGTH} characters, anything but printable
     * ASCII replaced, so a hostile id can split no log line and fill no table.
     */
    static String key(String clientId) {
        String id = clientId == null ? "" : clientId;
        var printable = new StringBuilder(Math.min(id.length(), MAX_ID_LENGTH));
        for (int i = 0; i < id.length() && printable.length() < MAX_ID_LENGTH; i++) {
            char c = id.charAt(i);
            printable.append(c >= 0x21 && c < 0x7f ? c : '?');
        }
        return printable.toString();
    }

    private static long minuteOf(Instant instant) {
        return instant.getEpochSecond() / 60;
    }

    private static Instant nextMinute(Instant now) {
        return Instant.ofEpochSecond((minuteOf(now) + 1) * 60);
    }

    private static long secondsUntil(Instant now, Instant until) {
        return Math.max(1, Duration.between(now, until).toMillis() / 1000 + 1);
    }
}
