package dev.idcred.command.signin;

import dev.idcred.shared.common.DomainException;
import dev.idcred.shared.common.ErrorCode;
import dev.idcred.shared.common.RightsCatalogue;
import dev.idcred.shared.policy.Actor;
import dev.idcred.shared.signin.ChangeSignInSettings;
import dev.idcred.shared.signin.SignInSettings;
import dev.idcred.shared.signin.SignInSettingsChanged;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.Clock;
import java.time.Duration;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * The tenant's sign-in rules (the platform's {@code lockout-config}, and which levels must sign in with an
 * authenticator app): one aggregate for the tenant, so every change is an event in the audit trail.
 */
@Aggregate
public class TenantSignIn {

    static final int MAX_ATTEMPTS = 100;
    static final Duration MAX_DURATION = Duration.ofDays(1);

    @AggregateIdentifier
    private String tenantId;
    private SignInSettings settings = SignInSettings.DEFAULTS;

    protected TenantSignIn() {
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public SignInSettings handle(ChangeSignInSettings command, Actor actor, RightsCatalogue catalogue,
                                 SignInRules rules, Clock clock) {
        if (actor.isVendorAccount()) {
            throw new DomainException(ErrorCode.FORBIDDEN, "Support and services accounts may not change how the"
                    + " tenant's people sign in");
        }
        SignInSettings wanted = valid(command.settings(), catalogue);
        if (!wanted.equals(settings) || tenantId == null) {
            rules.store(wanted);
            apply(new SignInSettingsChanged(command.tenantId(), wanted, clock.instant()));
        }
        return wanted;
    }

    private static SignInSettings valid(SignInSettings given, RightsCatalogue catalogue) {
        if (given == null) {
            throw new DomainException(ErrorCode.INVALID_VALUE, "The settings are required");
        }
        if (given.maximumAttempts() < 1 || given.maximumAttempts() > MAX_ATTEMPTS) {
            throw new DomainException(ErrorCode.INVALID_VALUE, "maximumAttempts is between 1 and " + MAX_ATTEMPTS);
        }
        for (Duration d : new Duration[]{given.lockoutWindow(), given.lockoutDuration()}) {
            if (d == null || d.toMinutes() < 1 || d.compareTo(MAX_DURATION) > 0) {
                throw new DomainException(ErrorCode.INVALID_VALUE, "lockoutWindow and lockoutDuration are between"
                        + " 1 and 1440 minutes");
            }
        }
        for (String level : given.strongAuthRequiredFor()) {
            if (!catalogue.isKnownLevel(level)) {
                throw new DomainException(ErrorCode.UNKNOWN_USER_LEVEL, "Unknown user level: " + level);
            }
        }
        return given;
    }

    @EventSourcingHandler
    void on(SignInSettingsChanged event) {
        tenantId = event.tenantId();
        settings = event.settings();
    }
}
