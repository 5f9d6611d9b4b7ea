package dev.idcred.command.hygiene;

import dev.idcred.access.gate.AuthorizationTable;
import dev.idcred.command.directory.AccessChanges;
import dev.idcred.shared.common.AuditMetadata;
import dev.idcred.shared.common.RightsCatalogue;
import dev.idcred.shared.credential.CredentialFacts;
import dev.idcred.shared.credential.OwnerFacts;
import dev.idcred.shared.hygiene.EffectiveRightsChanged;
import dev.idcred.shared.hygiene.RecordRightsDrift;
import dev.idcred.shared.identity.UserLevelGranted;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.MetaData;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Rights drift: when a scope edit, a level grant or revocation, or a new catalogue changes what a credential may do
 * (its scope ∩ its owner's levels' rights), an {@link EffectiveRightsChanged} names the rights it gained and lost and
 * why, recorded ({@link RecordRightsDrift}) in the transaction of its cause by the same actor: the command is sent
 * while the cause is handled, so its unit of work is nested in the cause's and commits with it. And the same comparison as a dry run: which
 * credentials of an identity would gain or lose what under other levels.
 */
@Component
public class RightsDrift implements AccessChanges {

    /** One credential's change: the rights it gains and loses. */
    public record Drift(String credentialId, String kind, List<String> added, List<String> removed) {
        boolean isEmpty() {
            return added.isEmpty() && removed.isEmpty();
        }
    }

    private final AuthorizationTable access;
    private final RightsCatalogue catalogue;
    private final CommandGateway commands;
    private final Clock clock;

    RightsDrift(AuthorizationTable access, RightsCatalogue catalogue, CommandGateway commands, Clock clock) {
        this.access = access;
        this.catalogue = catalogue;
        this.commands = commands;
        this.clock = clock;
    }

    /** A credential's scope changed: compared under its owner's levels as they are. */
    @Override
    public void credentialChanged(AuthorizationTable.Change<CredentialFacts> change, EventMessage<?> cause) {
        if (change.before() == null || change.after() == null
                || change.before().scope().equals(change.after().scope())) {
            return;
        }
        Set<String> levels = access.identity(change.after().ownerId()).map(OwnerFacts::levels).orElse(Set.of());
        Drift drift = drift(change.after(), catalogue.effectiveRights(change.before().scope(), levels),
                catalogue.effectiveRights(change.after().scope(), levels));
        publish(change.after(), drift, EffectiveRightsChanged.SCOPE_CHANGED, cause);
    }

    /**
     * An identity's levels changed: every credential it owns is compared, unless the levels' rights did not change at
     * all (a level granted to someone who holds every right already), which costs one comparison whatever it owns.
     */
    @Override
    public void ownerChanged(AuthorizationTable.Change<OwnerFacts> change, EventMessage<?> cause) {
        if (change.before() == null || change.after() == null
                || change.before().levels().equals(change.after().levels())
                || catalogue.rightsOf(change.before().levels()).equals(catalogue.rightsOf(change.after().levels()))) {
            return;
        }
        String reason = cause.getPayload() instanceof UserLevelGranted ? EffectiveRightsChanged.LEVEL_GRANTED
                : EffectiveRightsChanged.LEVEL_REVOKED;
        for (CredentialFacts credential : access.credentialsOwnedBy(change.after().identityId())) {
            Drift drift = drift(credential, catalogue.effectiveRights(credential.scope(), change.before().levels()),
                    catalogue.effectiveRights(credential.scope(), change.after().levels()));
            publish(credential, drift, reason, cause);
        }
    }

    /** What each credential of {@code owner} would gain and lose if it held {@code proposedLevels} instead. */
    public List<Drift> simulate(OwnerFacts owner, Collection<String> proposedLevels) {
        var drifts = new ArrayList<Drift>();
        for (CredentialFacts credential : access.credentialsOwnedBy(owner.identityId())) {
            drifts.add(drift(credential, catalogue.effectiveRights(credential.scope(), owner.levels()),
                    catalogue.effectiveRights(credential.scope(), proposedLevels)));
        }
        return drifts;
    }

    /** A credential's change from one catalogue to another, for the drift a new catalogue file brings. */
    Drift catalogueDrift(CredentialFacts credential, OwnerFacts owner, RightsCatalogue previous) {
        Set<String> levels = owner == null ? Set.of() : owner.levels();
        return drift(credential, previous.effectiveRights(credential.scope(), levels),
                catalogue.effectiveRights(credential.scope(), levels));
    }

    void publish(CredentialFacts credential, Drift drift, String reason, EventMessage<?> cause) {
        if (drift.isEmpty()) {
            return;
        }
        Object actor = cause == null ? AuditMetadata.SYSTEM : cause.getMetaData().get(AuditMetadata.ACTOR_ID);
        var changed = new EffectiveRightsChanged(credential.credentialId(), credential.kind(), credential.ownerId(),
                drift.added(), drift.removed(), reason, cause == null ? null : cause.getIdentifier(),
                cause == null ? clock.instant() : cause.getTimestamp());
        MetaData metaData = MetaData.with(AuditMetadata.ACTOR_ID, actor == null ? AuditMetadata.SYSTEM : actor);
        if (cause != null && cause.getMetaData().containsKey(AuditMetadata.ACTOR_CREDENTIAL_ID)) {
            metaData = metaData.and(AuditMetadata.ACTOR_CREDENTIAL_ID,
                    cause.getMetaData().get(AuditMetadata.ACTOR_CREDENTIAL_ID));
        }
        commands.sendAndWait(GenericCommandMessage.asCommandMessage(new RecordRightsDrift(changed))
                .andMetaData(metaData));
    }

    private static Drift drift(CredentialFacts credential, Set<String> before, Set<String> after) {
        var added = new TreeSet<>(after);
        added.removeAll(before);
        var removed = new TreeSet<>(before);
        removed.removeAll(after);
        return new Drift(credential.credentialId(), credential.kind().name(), List.copyOf(added),
                List.copyOf(removed));
    }
}
