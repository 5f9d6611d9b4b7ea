package dev.idcred.shared.credential;

import java.time.Instant;

/**
 * One of a credential's secrets: the first is version 1, each rotation adds the next. A version is valid until
 * {@code validUntil} (null: until it is rotated away); a rotation gives the versions before it a grace period, a leak
 * ends its version at once. {@code hash} is the keyed hash the token endpoint compares with; views show
 * {@link #withoutHash() without it}.
 */
public record SecretVersion(int version, String hash, Instant createdAt, Instant validUntil, Instant lastUsedAt,
                            Instant leakedAt) {

    public boolean validAt(Instant now) {
        return validUntil == null || now.isBefore(validUntil);
    }

    /** Valid no later than {@code until}. */
    SecretVersion endingBy(Instant until) {
        return validUntil != null && !validUntil.isAfter(until) ? this
                : new SecretVersion(version, hash, createdAt, until, lastUsedAt, leakedAt);
    }

    SecretVersion usedAt(Instant instant) {
        return lastUsedAt != null && !lastUsedAt.isBefore(instant) ? this
                : new SecretVersion(version, hash, createdAt, validUntil, instant, leakedAt);
    }

    SecretVersion leaked(Instant at) {
        SecretVersion ended = endingBy(at);
        return new SecretVersion(version, hash, createdAt, ended.validUntil, lastUsedAt, at);
    }

    public SecretVersion withoutHash() {
        return new SecretVersion(version, null, createdAt, validUntil, lastUsedAt, leakedAt);
    }
}
