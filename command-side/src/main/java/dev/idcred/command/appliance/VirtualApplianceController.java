package dev.idcred.command.appliance;

import dev.idcred.access.gate.Caller;
import dev.idcred.command.Commands;
import dev.idcred.command.Ids;
import dev.idcred.command.credential.SecretRotationBody;
import dev.idcred.command.secret.SecretIssuer;
import dev.idcred.shared.appliance.CreateVirtualAppliance;
import dev.idcred.shared.appliance.DeleteVirtualAppliance;
import dev.idcred.shared.appliance.RotateVirtualApplianceKey;
import dev.idcred.shared.hygiene.RotateSecret;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Registers and removes virtual appliances; the create response is the only place the VA key's secret shows. */
@RestController
@RequestMapping("/v3/virtual-appliances")
class VirtualApplianceController {

    record CreateVirtualApplianceRequest(String name) {
    }

    record CreatedVirtualAppliance(String id, String name, String clientId, String secret) {
    }

    private final Commands commands;
    private final SecretIssuer secrets;

    VirtualApplianceController(Commands commands, SecretIssuer secrets) {
        this.commands = commands;
        this.secrets = secrets;
    }

    @PostMapping
    CreatedVirtualAppliance create(@RequestBody CreateVirtualApplianceRequest request, Caller caller) {
        SecretIssuer.IssuedSecret secret = secrets.issue();
        String keyClientId = Ids.next();
        String id = commands.send(new CreateVirtualAppliance(Ids.next(), request.name(), caller.identityId(),
                keyClientId, secret.hash()), caller);
        return new CreatedVirtualAppliance(id, request.name().strip(), keyClientId, secret.secret());
    }

    /** A new secret for the appliance's VA key; the earlier one keeps working for the grace period. */
    @PostMapping("/{id}/secret")
    SecretRotationBody.Response rotateKeySecret(@PathVariable String id,
                                                @RequestBody(required = false) SecretRotationBody.Request request,
                                                Caller caller) {
        Integer grace = request == null ? null : request.gracePeriodSeconds();
        SecretIssuer.IssuedSecret secret = secrets.issue();
        RotateSecret.Rotation rotation = commands.send(new RotateVirtualApplianceKey(id, secret.hash(), grace),
                caller);
        return new SecretRotationBody.Response(rotation.credentialId(), secret.secret(), rotation.version(),
                rotation.previousValidUntil(), rotation.expiresAt());
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@PathVariable String id, Caller caller) {
        commands.send(new DeleteVirtualAppliance(id), caller);
    }
}
