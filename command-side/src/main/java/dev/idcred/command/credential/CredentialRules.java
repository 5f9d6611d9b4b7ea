package dev.idcred.command.credential;

import dev.idcred.shared.common.DomainException;
import dev.idcred.shared.common.ErrorCode;
import dev.idcred.shared.common.KeyTypes;
import dev.idcred.shared.credential.CredentialExpired;
import dev.idcred.shared.credential.CredentialExpiringSoon;
import dev.idcred.shared.credential.CredentialFacts;
import dev.idcred.shared.credential.CredentialLeaked;
import dev.idcred.shared.credential.CredentialUnusedWarning;
import dev.idcred.shared.credential.SecretRotated;
import dev.idcred.shared.credential.SecretVersion;
import dev.idcred.shared.hygiene.RotateSecret;
import dev.idcred.shared.hygiene.TenantPolicy;
import dev.idcred.shared.usage.CredentialKind;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The rules API clients and personal access tokens share about their secrets and their lifetime: expiry on create,
 * rotation with a grace period, the tenant's hygiene notices and its inactivity rule, and leaks. Each answers the
 * events to apply from the credential's facts; both aggregates apply them, each stopping itself in its own way (an
 * API client is disabled, a personal access token deleted).
 */
public final class CredentialRules {

    public static final int DEFAULT_GRACE_SECONDS = 86_400;
    public static final int MAX_GRACE_SECONDS = 7 * 86_400;

    private CredentialRules() {
    }

    /**
     * What a credential's hygiene review comes to: notices to apply, and, if its disuse has run out, why it must be
     * stopped.
     */
    public record Review(List<Object> notices, String stopBecause) {
    }

    /**
     * The expiry a credential gets when made or rotated: the one asked for, which must be in the future; a personal
     * access token under a maximum lifetime gets at most that (and that, if it asked for none).
     */
    public static Instant expiry(CredentialKind kind, Instant asked, TenantPolicy policy, Instant now) {
        Instant requested = asked == null ? null : asked.truncatedTo(ChronoUnit.MILLIS);
        if (requested != null && !requested.isAfter(now)) {
            throw new DomainException(ErrorCode.INVALID_VALUE, "expiresAt must be in the future");
        }
        if (kind != CredentialKind.PERSONAL_ACCESS_TOKEN || policy.maxPatLifetime() == null) {
            return requested;
        }
        Instant limit = now.plus(policy.maxPatLifetime());
        if (requested == null) {
            return limit;
        }
        if (requested.isAfter(limit)) {
            throw new DomainException(ErrorCode.INVALID_VALUE, "expiresAt must be at most "
                    + policy.maxPatLifetime() + " from now (the tenant's maximum personal access token lifetime)");
        }
        return requested;
    }

    /**
     * A new secret version: the versions valid now stay valid for the grace period (a day unless asked, 0 to 7
     * days). The expiry becomes the one asked for; a personal access token under a maximum lifetime is renewed to it.
     * An expired credential is not rotated back to life.
     */
    public static SecretRotated rotation(CredentialFacts facts, RotateSecret command, TenantPolicy policy,
                                         Instant now) {
        if (facts.expiredBy(now)) {
            throw new DomainException(ErrorCode.CONFLICT,
                    "The credential expired at " + facts.expiresAt() + "; create a new one instead");
        }
        int grace = Objects.requireNonNullElse(command.gracePeriodSeconds(), DEFAULT_GRACE_SECONDS);
        if (grace < 0 || grace > MAX_GRACE_SECONDS) {
            throw new DomainException(ErrorCode.INVALID_VALUE,
                    "gracePeriodSeconds must be between 0 and " + MAX_GRACE_SECONDS);
        }
        Instant expiresAt = command.expiresAt() != null || isLimitedPat(facts, policy)
                ? expiry(facts.kind(), command.expiresAt(), policy, now) : facts.expiresAt();
        return new SecretRotated(facts.credentialId(), facts.kind(), facts.ownerId(),
                facts.currentSecretVersion() + 1, command.secretHash(), now.plusSeconds(grace), expiresAt, now);
    }

    /**
     * The tenant's rules as of now: a warning of the coming expiry (once per expiry, never after it), a note of the
     * expiry once reached, a warning of disuse (once per stretch of it) and, once the disuse has run its course, the
     * reason to stop the credential. VA keys are kept alive by their appliance, not by use: the disuse rule skips
     * them. A credential already stopped ({@code active} false) is not stopped again.
     */
    public static Review review(CredentialFacts facts, boolean active, TenantPolicy policy, Instant now) {
        var notices = new ArrayList<Object>();
        CredentialFacts.Notices had = facts.notices();
        Instant expiresAt = facts.expiresAt();
        if (expiresAt != null && !now.isBefore(expiresAt)) {
            if (!expiresAt.equals(had.expiryNotedFor())) {
                notices.add(new CredentialExpired(facts.credentialId(), facts.kind(), facts.ownerId(), expiresAt, now));
            }
        } else if (expiresAt != null && !now.isBefore(expiresAt.minus(policy.expiryWarning()))
                && !expiresAt.equals(had.expiryWarnedFor())) {
            notices.add(new CredentialExpiringSoon(facts.credentialId(), facts.kind(), facts.ownerId(), expiresAt,
                    now));
        }
        String stopBecause = null;
        Optional<Instant> actionAt = policy.inactivityActionAt(facts.lastActiveAt());
        if (actionAt.isPresent() && active && !KeyTypes.VA.equalsIgnoreCase(facts.keyType())) {
            Instant unusedSince = facts.lastActiveAt();
            if (!now.isBefore(actionAt.get())) {
                stopBecause = "Unused since " + unusedSince + ", longer than the tenant's limit of "
                        + policy.inactivityLimit();
            } else if (!now.isBefore(actionAt.get().minus(policy.inactivityWarning()))
                    && !unusedSince.equals(had.inactivityWarnedFor())) {
                notices.add(new CredentialUnusedWarning(facts.credentialId(), facts.kind(), facts.ownerId(),
                        unusedSince, actionAt.get(), now));
            }
        }
        return new Review(notices, stopBecause);
    }

    /**
     * A reported secret: if it is one of the credential's versions valid now, that version ends with the report and
     * the credential must be stopped; a version no longer valid (rotated away, already reported) changes nothing.
     */
    public static Optional<CredentialLeaked> leak(CredentialFacts facts, String secretHash, String reporterId,
                                                  String sourceUrl, Instant now) {
        return facts.validSecret(secretHash::equals, now)
                .map(SecretVersion::version)
                .map(version -> new CredentialLeaked(facts.credentialId(), facts.kind(), facts.ownerId(), version,
                        reporterId, sourceUrl, now));
    }

    /** Why a leaked credential was stopped, for the deletion or disablement event that follows the leak. */
    public static String leakReason(CredentialLeaked leak) {
        return "Secret version " + leak.secretVersion() + " leaked"
                + (leak.sourceUrl() == null ? "" : " at " + leak.sourceUrl()) + ", reported by " + leak.reporterId();
    }

    private static boolean isLimitedPat(CredentialFacts facts, TenantPolicy policy) {
        return facts.kind() == CredentialKind.PERSONAL_ACCESS_TOKEN && policy.maxPatLifetime() != null;
    }
}
