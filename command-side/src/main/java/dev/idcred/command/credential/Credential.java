package dev.idcred.command.credential;

import dev.idcred.shared.common.DomainException;
import dev.idcred.shared.common.ErrorCode;
import dev.idcred.shared.credential.AccessTokenRevoked;
import dev.idcred.shared.credential.CredentialEvent;
import dev.idcred.shared.credential.CredentialFacts;
import dev.idcred.shared.credential.CredentialLeaked;
import dev.idcred.shared.credential.CredentialStates;
import dev.idcred.shared.credential.CredentialUsed;
import dev.idcred.shared.credential.OwnerFacts;
import dev.idcred.shared.credential.SecretRotated;
import dev.idcred.shared.hygiene.ReportLeak;
import dev.idcred.shared.hygiene.RotateSecret;
import dev.idcred.shared.hygiene.TenantPolicy;
import dev.idcred.shared.policy.Actor;
import dev.idcred.shared.policy.CredentialPolicy;
import dev.idcred.shared.usage.Usage;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateLifecycle;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * The lifecycle every credential shares, whatever its kind: its facts, folded from its events exactly as every other
 * reader folds them; a new secret with a grace period for the earlier ones; the tenant's hygiene review; a leaked
 * secret; an access token revoked before it expires; a minute's usage. The aggregate of each kind ({@code ApiClient},
 * {@code PersonalAccessToken}) extends it and says only what differs: its identity and owner, the scope a new secret
 * hands over, who may rotate it, how it stops when a rule says so (an API client is disabled, a token deleted), and
 * the event its usage is recorded as. The commands every kind answers reach it through {@code lifecycle}.
 */
public abstract class Credential {

    /** What the credential may do now, folded from its events. */
    protected CredentialFacts facts;

    /** Its id, the aggregate identifier of its kind. */
    protected abstract String credentialId();

    protected abstract String ownerId();

    /** What a new secret's holder can reach. */
    protected abstract List<String> scope();

    /** False while the credential is stopped by its own settings (a disabled API client); reviews then end nothing. */
    protected abstract boolean enabled();

    /** Stops the credential because a rule says so: {@code reason} goes to the log. */
    protected abstract void stop(String reason, Instant now);

    /** Its kind's usage event. */
    protected abstract CredentialUsed used(Instant usedAt, Usage usage);

    /** The answer for an actor who may not see it, or once its owner is gone. */
    protected abstract DomainException notFound();

    /** Refuses a rotation its kind does not allow this actor (before the owner's rights are weighed). */
    protected abstract void ensureMayRotate(Actor actor, CredentialPolicy access);

    /**
     * A new secret, the earlier ones valid for a grace period and the expiry renewed under the tenant's maximum
     * lifetime. The new secret goes to the actor, so it must be one who may hold what the credential can do.
     */
    public RotateSecret.Rotation rotate(RotateSecret command, Actor actor, CredentialPolicy access,
                                        CredentialStates states, TenantPolicy policy, Instant now) {
        ensureMayRotate(actor, access);
        return rotateSecret(command, actor, access, states, policy, now);
    }

    /** The rotation itself, once the kind's own guard has let it through. */
    protected final RotateSecret.Rotation rotateSecret(RotateSecret command, Actor actor, CredentialPolicy access,
                                                       CredentialStates states, TenantPolicy policy, Instant now) {
        OwnerFacts owner = owner(states);
        access.ensureMayTakeOver(actor, owner);
        access.ensureMayHand(actor, scope(), owner);
        SecretRotated rotated = CredentialRules.rotation(facts, command, policy, now);
        apply(rotated);
        return new RotateSecret.Rotation(credentialId(), rotated.version(), rotated.previousValidUntil(),
                rotated.expiresAt());
    }

    /** The tenant's hygiene rules as of now: the notices they call for, and a stop if it is unused too long. */
    public void review(TenantPolicy policy, Instant now) {
        CredentialRules.Review review = CredentialRules.review(facts, enabled(), policy, now);
        review.notices().forEach(AggregateLifecycle::apply);
        if (review.stopBecause() != null) {
            stop(review.stopBecause(), now);
        }
    }

    /** A scanner found one of its secrets: if it was valid, it ends now and the credential stops. */
    public boolean reportLeak(ReportLeak report, Instant now) {
        Optional<CredentialLeaked> leak = CredentialRules.leak(facts, report.secretHash(), report.reporterId(),
                report.sourceUrl(), now);
        leak.ifPresent(leaked -> {
            apply(leaked);
            stop(CredentialRules.leakReason(leaked), now);
        });
        return leak.isPresent();
    }

    /** Stops one of the credential's access tokens before it expires (RFC 7009); the log keeps who and why. */
    public void revokeAccessToken(String jti, Instant expiresAt, String reason, Instant now) {
        apply(new AccessTokenRevoked(credentialId(), ownerId(), jti, expiresAt, reason, now));
    }

    /** Records a minute's tally of tokens obtained (the token endpoint sends at most two a minute per instance). */
    public void recordUsage(Instant usedAt, Usage usage) {
        apply(used(usedAt, usage));
    }

    /** Its owner as the authorization table knows them; a credential whose owner is gone is not found. */
    protected final OwnerFacts owner(CredentialStates states) {
        return states.identity(ownerId()).orElseThrow(this::notFound);
    }

    /** Usage, secrets, revoked tokens and hygiene notices: what the facts hold. */
    @EventSourcingHandler
    protected void on(CredentialEvent event) {
        facts = CredentialFacts.fold(facts, event);
    }

    /** The not-found answer for a credential of the kind {@code what}. */
    protected static DomainException notFound(String what, String id) {
        return new DomainException(ErrorCode.NOT_FOUND, "No such " + what + ": " + id);
    }
}
