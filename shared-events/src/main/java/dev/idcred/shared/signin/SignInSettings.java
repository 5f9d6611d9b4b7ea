package dev.idcred.shared.signin;

import java.time.Duration;
import java.util.Set;

/**
 * The tenant's sign-in rules, as the platform's {@code lockout-config} names them: {@code maximumAttempts} failed
 * sign-ins within {@code lockoutWindow} lock an identity for {@code lockoutDuration}; identities holding any of
 * {@code strongAuthRequiredFor} must enrol an authenticator app before they get anywhere.
 */
public record SignInSettings(int maximumAttempts, Duration lockoutWindow, Duration lockoutDuration,
                             Set<String> strongAuthRequiredFor) {

    public static final SignInSettings DEFAULTS = new SignInSettings(5, Duration.ofMinutes(5),
            Duration.ofMinutes(15), Set.of());

    public SignInSettings {
        strongAuthRequiredFor = strongAuthRequiredFor == null ? Set.of() : Set.copyOf(strongAuthRequiredFor);
    }

    /** True if someone holding {@code levels} must sign in with a second factor. */
    public boolean requiresStrongAuthentication(Set<String> levels) {
        return levels.stream().anyMatch(strongAuthRequiredFor::contains);
    }
}
