package dev.idcred.command.identity;

import dev.idcred.command.patch.JsonPatches;
import dev.idcred.shared.common.DomainException;
import dev.idcred.shared.common.ErrorCode;
import dev.idcred.shared.common.IdentityKind;
import dev.idcred.shared.common.NetworkRules;
import dev.idcred.shared.common.RightsCatalogue;
import dev.idcred.shared.credential.OwnerFacts;
import dev.idcred.shared.identity.ChangeUserLevels;
import dev.idcred.shared.identity.CreateIdentity;
import dev.idcred.shared.identity.GrantUserLevel;
import dev.idcred.shared.identity.IdentityCreated;
import dev.idcred.shared.identity.IdentityUpdated;
import dev.idcred.shared.identity.RevokeUserLevel;
import dev.idcred.shared.identity.UpdateIdentity;
import dev.idcred.shared.identity.UserLevelGranted;
import dev.idcred.shared.identity.UserLevelRevoked;
import dev.idcred.shared.policy.Actor;
import dev.idcred.shared.policy.CredentialPolicy;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/** A person or vendor account of the tenant, and the user levels it holds. */
@Aggregate
public class Identity {

    @AggregateIdentifier
    private String identityId;
    private String name;
    private IdentityKind kind;
    private Instant tenantAccessExpiresAt;
    private NetworkRules networkRules;
    private Instant createdAt;
    private Instant modifiedAt;
    private final Set<String> levels = new TreeSet<>();

    protected Identity() {
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.ALWAYS)
    public IdentityDetails create(CreateIdentity command, Actor actor, CredentialPolicy access, Clock clock) {
        if (command.kind() == null) {
            throw new DomainException(ErrorCode.INVALID_VALUE, "kind is required: USER, SUPPORT or SERVICES");
        }
        String validName = IdentityPolicy.validName(command.name());
        IdentityPolicy.ensureExpiryFitsKind(command.kind(), command.tenantAccessExpiresAt());
        access.ensureMayCreateIdentity(actor, command.kind(), command.tenantAccessExpiresAt());
        NetworkRules rules = IdentityPolicy.validNetworkRules(command.networkRules());
        apply(new IdentityCreated(command.identityId(), validName, command.kind(), command.tenantAccessExpiresAt(),
                rules, clock.instant()));
        return details();
    }

    @CommandHandler
    public IdentityDetails handle(UpdateIdentity command, Actor actor, CredentialPolicy access, Clock clock) {
        var patched = JsonPatches.apply(new IdentityPatchDocument(name, tenantAccessExpiresAt, networkRules),
                command.patch(), IdentityPatchDocument.class);
        String validName = IdentityPolicy.validName(patched.name());
        IdentityPolicy.ensureExpiryFitsKind(kind, patched.tenantAccessExpiresAt());
        access.ensureMayChangeIdentity(actor, facts(), patched.tenantAccessExpiresAt());
        NetworkRules rules = IdentityPolicy.validNetworkRules(patched.networkRules());
        if (!validName.equals(name) || !Objects.equals(patched.tenantAccessExpiresAt(), tenantAccessExpiresAt)
                || !rules.equals(networkRules)) {
            apply(new IdentityUpdated(identityId, validName, patched.tenantAccessExpiresAt(), rules,
                    clock.instant()));
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

    /** This identity as the credential policy sees a target. */
    private OwnerFacts facts() {
        return new OwnerFacts(identityId, name, kind, levels, tenantAccessExpiresAt, networkRules, createdAt);
    }

    private static void ensureKnownLevel(String level, RightsCatalogue catalogue) {
        if (level == null || !catalogue.isKnownLevel(level)) {
            throw new DomainException(ErrorCode.UNKNOWN_USER_LEVEL, "Unknown user level: " + level);
        }
    }

    private IdentityDetails details() {
        return new IdentityDetails(identityId, name, kind, tenantAccessExpiresAt, networkRules, Set.copyOf(levels),
                createdAt, modifiedAt);
    }

    @EventSourcingHandler
    void on(IdentityCreated event) {
        identityId = event.identityId();
        name = event.name();
        kind = event.kind();
        tenantAccessExpiresAt = event.tenantAccessExpiresAt();
        networkRules = event.networkRules();
        createdAt = event.createdAt();
        modifiedAt = event.createdAt();
    }

    @EventSourcingHandler
    void on(IdentityUpdated event) {
        name = event.name();
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
}
