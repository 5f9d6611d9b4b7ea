package dev.idcred.command.appliance;

import dev.idcred.command.TextRules;
import dev.idcred.command.apiclient.ApplianceKeys;
import dev.idcred.shared.appliance.CreateVirtualAppliance;
import dev.idcred.shared.appliance.DeleteVirtualAppliance;
import dev.idcred.shared.appliance.RotateVirtualApplianceKey;
import dev.idcred.shared.common.DomainException;
import dev.idcred.shared.common.ErrorCode;
import dev.idcred.shared.credential.CredentialStates;
import dev.idcred.shared.credential.OwnerFacts;
import dev.idcred.shared.hygiene.RotateSecret;
import dev.idcred.shared.hygiene.TenantPolicy;
import dev.idcred.shared.policy.Actor;
import dev.idcred.shared.policy.CredentialPolicy;
import dev.idcred.shared.usage.CredentialKind;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Repository;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;

/**
 * Creates, rotates and deletes a virtual appliance together with its VA key, in one unit of work and one transaction:
 * there is never an appliance without its key, nor a key left behind by a deleted appliance.
 */
@Component
class VirtualApplianceCommandHandler {

    static final int MAX_NAME_LENGTH = 128;

    private final Repository<VirtualAppliance> appliances;
    private final ApplianceKeys keys;
    private final CredentialStates states;
    private final TenantPolicy policy;
    private final Clock clock;

    VirtualApplianceCommandHandler(Repository<VirtualAppliance> appliances, ApplianceKeys keys,
                                   CredentialStates states, TenantPolicy policy, Clock clock) {
        this.appliances = appliances;
        this.keys = keys;
        this.states = states;
        this.policy = policy;
        this.clock = clock;
    }

    @CommandHandler
    public String handle(CreateVirtualAppliance command) throws Exception {
        String name = TextRules.validName("name", command.name(), MAX_NAME_LENGTH);
        OwnerFacts owner = states.identity(command.ownerId()).orElseThrow(() -> new DomainException(
                ErrorCode.FORBIDDEN, "The creating identity is unknown"));
        Instant now = clock.instant();
        keys.create(command.keyClientId(), owner, name, command.keySecretHash(), now);
        appliances.newInstance(() -> new VirtualAppliance(command.applianceId(), name, command.ownerId(),
                command.keyClientId(), now));
        return command.applianceId();
    }

    @CommandHandler
    public RotateSecret.Rotation handle(RotateVirtualApplianceKey command, Actor actor, CredentialPolicy access) {
        String keyClientId = appliances.load(command.applianceId()).invoke(VirtualAppliance::keyClientId);
        return keys.rotate(new RotateSecret(keyClientId, CredentialKind.API_CLIENT, command.secretHash(),
                command.gracePeriodSeconds(), null), actor, access, states, policy, clock.instant());
    }

    @CommandHandler
    public void handle(DeleteVirtualAppliance command) {
        Instant now = clock.instant();
        String keyClientId = appliances.load(command.applianceId()).invoke(appliance -> appliance.delete(now));
        keys.delete(keyClientId, now);
    }
}
