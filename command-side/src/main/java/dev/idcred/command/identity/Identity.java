package dev.idcred.command.identity;

import dev.idcred.command.patch.JsonPatches;
import dev.idcred.command.signin.Authenticators;
import dev.idcred.command.signin.IdentitySignIn;
import dev.idcred.command.signin.SignInSecrets;
import dev.idcred.command.signin.Usernames;
import dev.idcred.shared.common.DomainException;
import dev.idcred.shared.common.ErrorCode;
import dev.idcred.shared.common.IdentityKind;
import dev.idcred.shared.common.KeyTypes;
import dev.idcred.shared.common.NetworkRules;
import dev.idcred.shared.common.RightsCatalogue;
import dev.idcred.shared.consent.GrantConsent;
import dev.idcred.shared.consent.WithdrawConsent;
import dev.idcred.shared.credential.CredentialStates;
import dev.idcred.shared.credential.OwnerFacts;
import dev.idcred.shared.identity.ChangeUserLevels;
import dev.idcred.shared.identity.ConsentGranted;
import dev.idcred.shared.identity.ConsentWithdrawn;
import dev.idcred.shared.identity.CreateIdentity;
import dev.idcred.shared.identity.DeleteIdentity;
import dev.idcred.shared.identity.GrantUserLevel;
import dev.idcred.shared.identity.IdentityCreated;
import dev.idcred.shared.identity.IdentityDeleted;
import dev.idcred.shared.identity.IdentityUpdated;
import dev.idcred.shared.identity.RevokeUserLevel;
import dev.idcred.shared.identity.UpdateIdentity;
import dev.idcred.shared.identity.UserLevelGranted;
import dev.idcred.shared.identity.UserLevelRevoked;
import dev.idcred.shared.policy.Actor;
import dev.idcred.shared.policy.CredentialPolicy;
import dev.idcred.shared.signin.ConfirmAuthenticator;
import dev.idcred.shared.signin.IssueInvitation;
import dev.idcred.shared.signin.LockOut;
import dev.idcred.shared.signin.RecordRecoveryCodeUse;
import dev.idcred.shared.signin.RecordSignIn;
import dev.idcred.shared.signin.RemoveAuthenticator;
import dev.idcred.shared.signin.SetPassword;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateMember;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.axonframework.modelling.command.AggregateLifecycle.markDeleted;

/**
 * A person or vendor account of the tenant: its name and username, the user levels it holds, the API clients it lets
 * act for it (its consents), and how it signs in ({@link IdentitySignIn}, a member of this aggregate).
 */
@Aggregate
public class Identity {

    @AggregateIdentifier
    private String identityId;
    private String name;
    private String username;
    private IdentityKind kind;
    private Instant tenantAccessExpiresAt;
    private NetworkRules networkRules;
    private Instant createdAt;
    private Instant modifiedAt;
    private final Set<String> levels = new TreeSet<>();
    private final Map<String, List<String>> consents = new TreeMap<>();
    @AggregateMember
    private IdentitySignIn signIn;

    protected Identity() {
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.ALWAYS)
    public IdentityDetails create(CreateIdentity command, Actor actor, CredentialPolicy access, Usernames usernames,
                                  Clock clock) {
        if (command.kind() == null) {
            throw new DomainException(ErrorCode.INVALID_VALUE, "kind is required: USER, SUPPORT or SERVICES");
        }
        String validName = IdentityPolicy.validName(command.name());
        String validUsername = IdentityPolicy.validUsername(command.username());
        IdentityPolicy.ensureExpiryFitsKind(command.kind(), command.tenantAccessExpiresAt());
        access.ensureMayCreateIdentity(actor, command.kind(), command.tenantAccessExpiresAt());
        NetworkRules rules = IdentityPolicy.validNetworkRules(command.networkRules());
        IdentityPolicy.ensureUsernameFree(usernames, validUsername, command.identityId());
        apply(new IdentityCreated(command.identityId(), validName, command.kind(), command.tenantAccessExpiresAt(),
                rules, clock.instant(), validUsername));
        return details();
    }

    @CommandHandler
    public IdentityDetails handle(UpdateIdentity command, Actor actor, CredentialPolicy access, Usernames usernames,
                                  Clock clock) {
        var patched = JsonPatches.apply(new IdentityPatchDocument(name, username, tenantAccessExpiresAt,
                networkRules), command.patch(), IdentityPatchDocument.class);
        String validName = IdentityPolicy.validName(patched.name());
        String validUsername = IdentityPolicy.validUsername(patched.username());
        if (username != null && validUsername == null) {
            throw new DomainException(ErrorCode.INVALID_VALUE, "A username can be changed, not removed");
        }
        IdentityPolicy.ensureExpiryFitsKind(kind, patched.tenantAccessExpiresAt());
        access.ensureMayChangeIdentity(actor, facts(), patched.tenantAccessExpiresAt());
        NetworkRules rules = IdentityPolicy.validNetworkRules(patched.networkRules());
        if (!Objects.equals(validUsername, username)) {
            IdentityPolicy.ensureUsernameFree(usernames, validUsername, identityId);
        }
        if (!validName.equals(name) || !Objects.equals(validUsername, username)
                || !Objects.equals(patched.tenantAccessExpiresAt(), tenantAccessExpiresAt)
                || !rules.equals(networkRules)) {
            apply(new IdentityUpdated(identityId, validName, patched.tenantAccessExpiresAt(), rules,
                    clock.instant(), validUsername));
        }
        return details();
    }

    /** Granting a level already held is a deliberate no-op, so a repeated PATCH changes nothing. */
    @CommandHandler
    public IdentityDetails handle(GrantUserLevel command, Actor actor, CredentialPolicy access,
                                  RightsCatalogue catalogue, Clock clock) {
        ensureKnownLevel(command.level(), catalogue);
        if (!levels.contains(command.level())) {
            access.ensureMayChangeLevel(actor, facts(), command.level(), true);
            apply(new UserLevelGranted(identityId, command.level(), clock.instant()));
        }
        return details();
    }

    /** Revoking a level not held is a deliberate no-op. */
    @CommandHandler
    public IdentityDetails handle(RevokeUserLevel command, Actor actor, CredentialPolicy access,
                                  RightsCatalogue catalogue, Clock clock) {
        ensureKnownLevel(command.level(), catalogue);
        if (levels.contains(command.level())) {
            access.ensureMayChangeLevel(actor, facts(), command.level(), false);
            apply(new UserLevelRevoked(identityId, command.level(), clock.instant()));
        }
        return details();
    }

    /**
     * The levels become exactly those asked for: every grant and revocation is checked first, then all are applied,
     * so a change the policy refuses in part changes nothing.
     */
    @CommandHandler
    public IdentityDetails handle(ChangeUserLevels command, Actor actor, CredentialPolicy access,
                                  RightsCatalogue catalogue, Clock clock) {
        Set<String> wanted = command.levels() == null ? Set.of() : command.levels();
        wanted.forEach(level -> ensureKnownLevel(level, catalogue));
        List<String> granted = wanted.stream().filter(level -> !levels.contains(level)).sorted().toList();
        List<String> revoked = levels.stream().filter(level -> !wanted.contains(level)).toList();
        granted.forEach(level -> access.ensureMayChangeLevel(actor, facts(), level, true));
        revoked.forEach(level -> access.ensureMayChangeLevel(actor, facts(), level, false));
        Instant now = clock.instant();
        granted.forEach(level -> apply(new UserLevelGranted(identityId, level, now)));
        revoked.forEach(level -> apply(new UserLevelRevoked(identityId, level, now)));
        return details();
    }

    /**
     * Offboarding: the identity, its sign-in and its consents end now, and with them every credential it owns (the
     * service deletes those next). An identity that still owns a virtual appliance's key is not removed: the appliance
     * would lose its key.
     */
    @CommandHandler
    public void handle(DeleteIdentity command, Actor actor, CredentialPolicy access, CredentialStates states,
                       SignInSecrets secrets, Usernames usernames, Clock clock) {
        access.ensureMayDeleteIdentity(actor, facts());
        if (states.credentialsOwnedBy(identityId).stream().anyMatch(c -> KeyTypes.VA.equalsIgnoreCase(c.keyType()))) {
            throw new DomainException(ErrorCode.CONFLICT, "The identity created virtual appliances whose keys it owns:"
                    + " delete those appliances first");
        }
        secrets.forget(identityId);
        usernames.release(identityId);
        apply(new IdentityDeleted(identityId, command.reason(), clock.instant()));
    }

    /** A person lets a client act for them with {@code scope}; the same consent again changes nothing. */
    @CommandHandler
    public void handle(GrantConsent command, Actor actor, CredentialPolicy access, Clock clock) {
        access.ensureActsForThemselves(actor, identityId);
        List<String> scope = List.copyOf(new TreeSet<>(command.scope()));
        if (!scope.equals(consents.get(command.clientId()))) {
            apply(new ConsentGranted(identityId, command.clientId(), scope, clock.instant()));
        }
    }

    /** Withdrawing a consent not given is a deliberate no-op. */
    @CommandHandler
    public boolean handle(WithdrawConsent command, Actor actor, CredentialPolicy access, Clock clock) {
        access.ensureActsForThemselves(actor, identityId);
        if (!consents.containsKey(command.clientId())) {
            return false;
        }
        apply(new ConsentWithdrawn(identityId, command.clientId(), command.reason(), clock.instant()));
        return true;
    }

    /**
     * A one-time invitation to choose a password, superseding any earlier one: only for an identity with a username,
     * and only by someone who may hand over its sign-in. Answers when it expires.
     */
    @CommandHandler
    public Instant handle(IssueInvitation command, Actor actor, CredentialPolicy access, Clock clock) {
        access.ensureMayHandOverSignIn(actor, facts());
        if (username == null) {
            throw new DomainException(ErrorCode.INVALID_VALUE, "The identity has no username to sign in with: give"
                    + " it one first");
        }
        return signIn.invite(command.invitationId(), command.validity(), clock.instant());
    }

    @CommandHandler
    public void handle(SetPassword command, Actor actor, SignInSecrets secrets, Clock clock) {
        signIn.setPassword(command, actor, secrets, clock.instant());
    }

    @CommandHandler
    public void handle(ConfirmAuthenticator command, Actor actor, CredentialPolicy access, SignInSecrets secrets,
                       Authenticators apps, Clock clock) {
        access.ensureActsForThemselves(actor, identityId);
        signIn.confirmAuthenticator(command, secrets, apps, clock.instant());
    }

    /** By the person, or by someone who may hand over their sign-in (a lost phone). */
    @CommandHandler
    public void handle(RemoveAuthenticator command, Actor actor, CredentialPolicy access, SignInSecrets secrets,
                       Clock clock) {
        if (!actor.is(identityId)) {
            access.ensureMayHandOverSignIn(actor, facts());
        }
        signIn.removeAuthenticator(secrets, clock.instant());
    }

    /** The sign-in service writes what happened at the sign-in page: only it may. */
    @CommandHandler
    public void handle(RecordSignIn command, Actor actor, Clock clock) {
        ensureService(actor);
        signIn.signedIn(command.methods(), command.clientAddress(), clock.instant());
    }

    @CommandHandler
    public void handle(LockOut command, Actor actor, Clock clock) {
        ensureService(actor);
        signIn.lockedOut(command.failures(), command.lockedUntil(), clock.instant());
    }

    @CommandHandler
    public void handle(RecordRecoveryCodeUse command, Actor actor, Clock clock) {
        ensureService(actor);
        signIn.recoveryCodeUsed(command.remaining(), clock.instant());
    }

    private static void ensureService(Actor actor) {
        if (!actor.service()) {
            throw new DomainException(ErrorCode.FORBIDDEN, "Only the service records sign-ins");
        }
    }

    private static void ensureKnownLevel(String level, RightsCatalogue catalogue) {
        if (level == null || !catalogue.isKnownLevel(level)) {
            throw new DomainException(ErrorCode.UNKNOWN_USER_LEVEL, "Unknown user level: " + level);
        }
    }

    /** This identity as the credential policy sees a target. */
    OwnerFacts facts() {
        return new OwnerFacts(identityId, name, kind, levels, tenantAccessExpiresAt, networkRules, createdAt);
    }

    private IdentityDetails details() {
        return new IdentityDetails(identityId, name, username, kind, tenantAccessExpiresAt, networkRules,
                Set.copyOf(levels), createdAt, modifiedAt);
    }

    @EventSourcingHandler
    void on(IdentityCreated event) {
        identityId = event.identityId();
        name = event.name();
        username = event.username();
        kind = event.kind();
        tenantAccessExpiresAt = event.tenantAccessExpiresAt();
        networkRules = event.networkRules();
        createdAt = event.createdAt();
        modifiedAt = event.createdAt();
        signIn = new IdentitySignIn(identityId);
    }

    @EventSourcingHandler
    void on(IdentityUpdated event) {
        name = event.name();
        username = event.username() != null ? event.username() : username;
        tenantAccessExpiresAt = event.tenantAccessExpiresAt();
        networkRules = event.networkRules();
        modifiedAt = event.modifiedAt();
    }

    @EventSourcingHandler
    void on(UserLevelGranted event) {
        levels.add(event.level());
        modifiedAt = event.grantedAt();
    }

    @EventSourcingHandler
    void on(UserLevelRevoked event) {
        levels.remove(event.level());
        modifiedAt = event.revokedAt();
    }

    @EventSourcingHandler
    void on(ConsentGranted event) {
        consents.put(event.clientId(), event.scope());
    }

    @EventSourcingHandler
    void on(ConsentWithdrawn event) {
        consents.remove(event.clientId());
    }

    @EventSourcingHandler
    void on(IdentityDeleted event) {
        markDeleted();
    }
}
