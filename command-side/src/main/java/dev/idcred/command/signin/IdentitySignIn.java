package dev.idcred.command.signin;

import dev.idcred.shared.common.DomainException;
import dev.idcred.shared.common.ErrorCode;
import dev.idcred.shared.policy.Actor;
import dev.idcred.shared.signin.AuthenticatorEnrolled;
import dev.idcred.shared.signin.AuthenticatorRemoved;
import dev.idcred.shared.signin.ConfirmAuthenticator;
import dev.idcred.shared.signin.IdentityLockedOut;
import dev.idcred.shared.signin.IdentitySignedIn;
import dev.idcred.shared.signin.InvitationIssued;
import dev.idcred.shared.signin.PasswordSet;
import dev.idcred.shared.signin.RecoveryCodeUsed;
import dev.idcred.shared.signin.SetPassword;
import org.axonframework.eventsourcing.EventSourcingHandler;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.OptionalLong;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * How an identity signs in, as its aggregate's member: the one invitation that can still set its password, whether
 * it has a password and an authenticator app. The secrets themselves are kept by {@link SignInSecrets}; the log says
 * only that they changed.
 */
public class IdentitySignIn {

    static final Duration MAX_INVITATION_VALIDITY = Duration.ofDays(7);
    static final Duration DEFAULT_INVITATION_VALIDITY = Duration.ofHours(72);

    private final String identityId;
    private String invitationId;
    private Instant invitationExpiresAt;
    private boolean invitationUsed;
    private boolean hasPassword;
    private boolean authenticatorEnrolled;

    public IdentitySignIn(String identityId) {
        this.identityId = identityId;
    }

    public boolean hasPassword() {
        return hasPassword;
    }

    public boolean authenticatorEnrolled() {
        return authenticatorEnrolled;
    }

    /** Issues an invitation that supersedes any earlier one; answers when it expires. */
    public Instant invite(String newInvitationId, Duration validity, Instant now) {
        Duration valid = validity == null ? DEFAULT_INVITATION_VALIDITY : validity;
        if (valid.isNegative() || valid.isZero() || valid.compareTo(MAX_INVITATION_VALIDITY) > 0) {
            throw new DomainException(ErrorCode.INVALID_VALUE, "An invitation is valid for up to 7 days");
        }
        Instant expiresAt = now.plus(valid);
        apply(new InvitationIssued(identityId, newInvitationId, expiresAt, now));
        return expiresAt;
    }

    /** True if {@code candidate} is the current invitation, unused and unexpired at {@code now}. */
    public boolean invitationOpen(String candidate, Instant now) {
        return candidate != null && candidate.equals(invitationId) && !invitationUsed
                && now.isBefore(invitationExpiresAt);
    }

    /**
     * Sets the password with the current invitation, once; without an invitation only the service itself may (the
     * operator's {@code BOOTSTRAP_ADMIN_PASSWORD}).
     */
    public void setPassword(SetPassword command, Actor actor, SignInSecrets secrets, Instant now) {
        if (command.invitationId() == null ? !actor.service() : !invitationOpen(command.invitationId(), now)) {
            throw new DomainException(ErrorCode.INVITATION_NOT_VALID, "The invitation was used, has expired or was"
                    + " replaced by a newer one: ask for a new one");
        }
        secrets.storePassword(identityId, command.passwordHash(), now);
        apply(new PasswordSet(identityId, command.invitationId(), now));
    }

    /** Confirms the authenticator app being enrolled with its first code. */
    public void confirmAuthenticator(ConfirmAuthenticator command, SignInSecrets secrets, Authenticators apps,
                                     Instant now) {
        byte[] pending = secrets.pendingSecret(identityId).orElseThrow(() -> new DomainException(
                ErrorCode.INVALID_VALUE, "No authenticator is being enrolled: start again"));
        OptionalLong step = apps.stepOf(pending, command.code(), now);
        if (step.isEmpty()) {
            throw new DomainException(ErrorCode.INVALID_VALUE, "That code is not the app's current one: check the"
                    + " phone's clock and try the next code");
        }
        secrets.confirmEnrolment(identityId, step.getAsLong(), command.recoveryCodeHashes());
        apply(new AuthenticatorEnrolled(identityId, command.recoveryCodeHashes().size(), now));
    }

    public void removeAuthenticator(SignInSecrets secrets, Instant now) {
        secrets.removeAuthenticator(identityId);
        if (authenticatorEnrolled) {
            apply(new AuthenticatorRemoved(identityId, now));
        }
    }

    public void signedIn(List<String> methods, String clientAddress, Instant now) {
        apply(new IdentitySignedIn(identityId, List.copyOf(methods), clientAddress, now));
    }

    public void lockedOut(int failures, Instant lockedUntil, Instant now) {
        apply(new IdentityLockedOut(identityId, failures, lockedUntil, now));
    }

    public void recoveryCodeUsed(int remaining, Instant now) {
        apply(new RecoveryCodeUsed(identityId, remaining, now));
    }

    @EventSourcingHandler
    void on(InvitationIssued event) {
        invitationId = event.invitationId();
        invitationExpiresAt = event.expiresAt();
        invitationUsed = false;
    }

    @EventSourcingHandler
    void on(PasswordSet event) {
        hasPassword = true;
        if (event.invitationId() != null && event.invitationId().equals(invitationId)) {
            invitationUsed = true;
        }
    }

    @EventSourcingHandler
    void on(AuthenticatorEnrolled event) {
        authenticatorEnrolled = true;
    }

    @EventSourcingHandler
    void on(AuthenticatorRemoved event) {
        authenticatorEnrolled = false;
    }
}
