package dev.idcred.command.signin;

import dev.idcred.command.Commands;
import dev.idcred.shared.credential.CredentialStates;
import dev.idcred.shared.credential.OwnerFacts;
import dev.idcred.shared.signin.LockOut;
import dev.idcred.shared.signin.RecordRecoveryCodeUse;
import dev.idcred.shared.signin.RecordSignIn;
import dev.idcred.shared.signin.SignInSettings;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * Signing a person in: the password, then (if they enrolled one) the authenticator's code or a recovery code.
 * An unknown username, a wrong password, a locked identity and an identity that has left the tenant all get the same
 * answer after the same bcrypt work, so the answer tells nothing of which it was. Failures count towards the
 * tenant's lockout ({@link Lockouts}); a lockout, and every sign-in, is an event in the log.
 */
@Service
public class SignInService {

    /** How a step of signing in ended. */
    public sealed interface Outcome {
    }

    /** The same refusal for every reason, so that it says nothing of which. */
    public record Refused() implements Outcome {
    }

    public record Proceed(Sessions.Session session) implements Outcome {
    }

    private final Usernames usernames;
    private final CredentialStates states;
    private final SignInSecrets secrets;
    private final Passwords passwords;
    private final Authenticators authenticators;
    private final SignInKeys keys;
    private final Lockouts lockouts;
    private final SignInRules rules;
    private final Sessions sessions;
    private final Commands commands;
    private final Clock clock;

    SignInService(Usernames usernames, CredentialStates states, SignInSecrets secrets, Passwords passwords,
                  Authenticators authenticators, SignInKeys keys, Lockouts lockouts, SignInRules rules,
                  Sessions sessions, Commands commands, Clock clock) {
        this.usernames = usernames;
        this.states = states;
        this.secrets = secrets;
        this.passwords = passwords;
        this.authenticators = authenticators;
        this.keys = keys;
        this.lockouts = lockouts;
        this.rules = rules;
        this.sessions = sessions;
        this.commands = commands;
        this.clock = clock;
    }

    /** The password step; {@code previousSession} (if any) ends whatever the outcome. */
    public Outcome password(String username, String password, String address, String previousSession) {
        Instant now = clock.instant();
        sessions.end(previousSession);
        Optional<OwnerFacts> person = username == null || username.isEmpty() || username.length() > 64
                ? Optional.empty()
                : usernames.holderOf(username).flatMap(states::identity).filter(p -> !p.accessEndedBy(now));
        String hash = person.flatMap(p -> secrets.passwordHash(p.identityId())).orElse(null);
        boolean locked = person.isPresent() && lockouts.lockedAt(person.get().identityId(), now);
        boolean right = passwords.matches(password, locked ? null : hash);
        if (person.isEmpty() || locked) {
            return new Refused();
        }
        String identityId = person.get().identityId();
        if (!right) {
            countFailure(identityId, now);
            return new Refused();
        }
        lockouts.succeeded(identityId);
        if (secrets.enrolled(identityId).isPresent()) {
            return new Proceed(sessions.begin(identityId, Sessions.State.AWAITING_SECOND_FACTOR, List.of("password"),
                    null, now));
        }
        return signedIn(person.get(), List.of("password"), address, null, now);
    }

    /** The second step: a code from the authenticator app, or one of the recovery codes. */
    public Outcome secondFactor(Sessions.Session pending, String code, String address) {
        Instant now = clock.instant();
        String identityId = pending.identityId();
        Optional<OwnerFacts> person = states.identity(identityId).filter(p -> !p.accessEndedBy(now));
        if (person.isEmpty() || pending.state() != Sessions.State.AWAITING_SECOND_FACTOR
                || lockouts.lockedAt(identityId, now)) {
            return new Refused();
        }
        String given = code == null ? "" : code.strip();
        Optional<SignInSecrets.Enrolled> enrolled = secrets.enrolled(identityId);
        if (enrolled.isPresent() && given.matches("\\d{6}")) {
            OptionalLong step = authenticators.stepOf(enrolled.get().secret(), given, now);
            if (step.isPresent() && secrets.useStep(identityId, step.getAsLong())) {
                return signedIn(person.get(), List.of("password", "otp"), address, pending.id(), now);
            }
        } else if (enrolled.isPresent() && given.length() >= 10 && given.length() <= 12) {
            OptionalInt left = secrets.spendRecoveryCode(identityId, keys.recoveryCodeHash(given));
            if (left.isPresent()) {
                commands.sendAsSystem(new RecordRecoveryCodeUse(identityId, left.getAsInt()));
                return signedIn(person.get(), List.of("password", "recovery-code"), address, pending.id(), now);
            }
        }
        countFailure(identityId, now);
        return new Refused();
    }

    /** True if the tenant requires an authenticator app of someone holding the person's levels. */
    public boolean mustEnrol(OwnerFacts person) {
        return rules.current().requiresStrongAuthentication(person.levels())
                && secrets.enrolled(person.identityId()).isEmpty();
    }

    private Outcome signedIn(OwnerFacts person, List<String> methods, String address, String previous,
                             Instant now) {
        commands.sendAsSystem(new RecordSignIn(person.identityId(), methods, address));
        Sessions.State state = mustEnrol(person) ? Sessions.State.MUST_ENROL : Sessions.State.SIGNED_IN;
        return new Proceed(sessions.begin(person.identityId(), state, methods, previous, now));
    }

    private void countFailure(String identityId, Instant now) {
        SignInSettings settings = rules.current();
        lockouts.failed(identityId, settings, now).ifPresent(locked ->
                commands.sendAsSystem(new LockOut(identityId, locked.failures(), locked.until())));
    }
}
