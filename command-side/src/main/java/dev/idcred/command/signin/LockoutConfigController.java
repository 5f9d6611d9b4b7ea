package dev.idcred.command.signin;

import dev.idcred.access.gate.Caller;
import dev.idcred.command.Commands;
import dev.idcred.command.patch.JsonPatches;
import dev.idcred.shared.common.DomainException;
import dev.idcred.shared.common.ErrorCode;
import dev.idcred.shared.common.PatchOperation;
import dev.idcred.shared.signin.ChangeSignInSettings;
import dev.idcred.shared.signin.SignInSettings;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * The tenant's sign-in rules as the platform's v3 {@code auth-org/lockout-config} shows them (durations in minutes),
 * with which user levels must sign in with an authenticator app ({@code strongAuthRequiredFor}). Changed by JSON
 * Patch, as the platform does.
 */
@RestController
@RequestMapping("/v3/auth-org/lockout-config")
class LockoutConfigController {

    /** The body: the platform's three fields, and ours. */
    record LockoutConfig(Integer maximumAttempts, Integer lockoutDuration, Integer lockoutWindow,
                         Set<String> strongAuthRequiredFor) {

        static LockoutConfig of(SignInSettings s) {
            return new LockoutConfig(s.maximumAttempts(), (int) s.lockoutDuration().toMinutes(),
                    (int) s.lockoutWindow().toMinutes(), s.strongAuthRequiredFor());
        }

        SignInSettings settings() {
            if (maximumAttempts == null || lockoutDuration == null || lockoutWindow == null) {
                throw new DomainException(ErrorCode.INVALID_VALUE, "maximumAttempts, lockoutDuration and"
                        + " lockoutWindow are required");
            }
            return new SignInSettings(maximumAttempts, Duration.ofMinutes(lockoutWindow),
                    Duration.ofMinutes(lockoutDuration), strongAuthRequiredFor);
        }
    }

    private final SignInRules rules;
    private final Commands commands;

    LockoutConfigController(SignInRules rules, Commands commands) {
        this.rules = rules;
        this.commands = commands;
    }

    @GetMapping
    LockoutConfig get() {
        return LockoutConfig.of(rules.current());
    }

    @PatchMapping
    LockoutConfig patch(@RequestBody List<PatchOperation> patch, Caller caller) {
        LockoutConfig patched = JsonPatches.apply(LockoutConfig.of(rules.current()), patch, LockoutConfig.class);
        SignInSettings changed = commands.send(new ChangeSignInSettings(SignInRules.TENANT, patched.settings()),
                caller);
        return LockoutConfig.of(changed);
    }
}
