package dev.idcred.shared.hygiene;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The tenant's credential hygiene rules.
 *
 * @param maxPatLifetime    the longest a personal access token may live (null: no limit); create and rotation enforce
 *                          it, and a token created without an expiry gets this one
 * @param expiryWarning     how long before its expiry a credential is warned of it
 * @param inactivityLimit   a credential unused this long is stopped (null: never); an API client is disabled, a
 *                          personal access token deleted
 * @param inactivityWarning how long before that it is warned
 */
public record TenantPolicy(Duration maxPatLifetime, Duration expiryWarning, Duration inactivityLimit,
                           Duration inactivityWarning) {

    public static final Duration DEFAULT_WARNING = Duration.ofDays(7);

    public TenantPolicy {
        expiryWarning = expiryWarning == null ? DEFAULT_WARNING : expiryWarning;
        inactivityWarning = inactivityWarning == null ? DEFAULT_WARNING : inactivityWarning;
        if (maxPatLifetime != null && (maxPatLifetime.isNegative() || maxPatLifetime.isZero())) {
            throw new IllegalArgumentException("The maximum PAT lifetime must be positive, not " + maxPatLifetime);
        }
        if (expiryWarning.isNegative() || inactivityWarning.isNegative()) {
            throw new IllegalArgumentException("Warning periods cannot be negative");
        }
        if (inactivityLimit != null && inactivityLimit.compareTo(inactivityWarning) <= 0) {
            throw new IllegalArgumentException("The inactivity limit (" + inactivityLimit
                    + ") must be longer than its warning period (" + inactivityWarning + ")");
        }
    }

    /** No limits, the default warnings. */
    public static TenantPolicy none() {
        return new TenantPolicy(null, DEFAULT_WARNING, null, DEFAULT_WARNING);
    }

    /** When a credential last active at {@code lastActiveAt} is stopped for disuse; empty if the rule is off. */
    public Optional<Instant> inactivityActionAt(Instant lastActiveAt) {
        return Optional.ofNullable(inactivityLimit).map(lastActiveAt::plus);
    }
}
