package dev.idcred.command.apiclient;

import dev.idcred.shared.common.RightsCatalogue;
import dev.idcred.shared.credential.CredentialStates;
import dev.idcred.shared.credential.OwnerFacts;
import dev.idcred.shared.hygiene.RotateSecret;
import dev.idcred.shared.hygiene.TenantPolicy;
import dev.idcred.shared.policy.Actor;
import dev.idcred.shared.policy.CredentialPolicy;
import org.axonframework.modelling.command.Repository;
import org.springframework.stereotype.Component;

import java.time.Instant;

/**
 * The only way to make or remove a VA key: the virtual appliance's command handler calls it inside the
 * appliance's own unit of work.
 */
@Component
public class ApplianceKeys {

    private final Repository<ApiClient> apiClients;
    private final RightsCatalogue catalogue;

    ApplianceKeys(Repository<ApiClient> apiClients, RightsCatalogue catalogue) {
        this.apiClients = apiClients;
        this.catalogue = catalogue;
    }

    public void create(String clientId, OwnerFacts owner, String applianceName, String secretHash, Instant createdAt)
            throws Exception {
        apiClients.newInstance(() -> ApiClient.applianceKey(clientId, owner, applianceName, secretHash, catalogue,
                createdAt));
    }

    public RotateSecret.Rotation rotate(RotateSecret command, Actor actor, CredentialPolicy access,
                                        CredentialStates states, TenantPolicy policy, Instant now) {
        return apiClients.load(command.credentialId())
                .invoke(key -> key.rotateWithAppliance(command, actor, access, states, policy, now));
    }

    public void delete(String clientId, Instant deletedAt) {
        apiClients.load(clientId).execute(key -> key.deleteWithAppliance(deletedAt));
    }
}
