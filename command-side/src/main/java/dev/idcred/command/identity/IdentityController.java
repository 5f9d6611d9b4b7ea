package dev.idcred.command.identity;

import dev.idcred.command.Commands;
import dev.idcred.command.Ids;
import dev.idcred.shared.common.IdentityKind;
import dev.idcred.shared.common.NetworkRules;
import dev.idcred.shared.common.PatchOperation;
import dev.idcred.shared.identity.CreateIdentity;
import dev.idcred.shared.identity.UpdateIdentity;
import dev.idcred.access.gate.Caller;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.List;

/** Registers identities and changes their name, tenant-access expiry and network rules. */
@RestController
@RequestMapping("/v3/identities")
class IdentityController {

    record CreateIdentityRequest(String name, IdentityKind kind, Instant tenantAccessExpiresAt,
                                 NetworkRules networkRules) {
    }

    record IdentityResponse(String id, String name, IdentityKind kind, Instant tenantAccessExpiresAt,
                            NetworkRules networkRules, Instant created, Instant modified) {
        static IdentityResponse of(IdentityDetails d) {
            return new IdentityResponse(d.identityId(), d.name(), d.kind(), d.tenantAccessExpiresAt(),
                    d.networkRules(), d.createdAt(), d.modifiedAt());
        }
    }

    private final Commands commands;

    IdentityController(Commands commands) {
        this.commands = commands;
    }

    @PostMapping
    IdentityResponse create(@RequestBody CreateIdentityRequest request, Caller caller) {
        IdentityDetails created = commands.send(new CreateIdentity(Ids.next(), request.name(), request.kind(),
                request.tenantAccessExpiresAt(), request.networkRules()), caller);
        return IdentityResponse.of(created);
    }

    @PatchMapping("/{id}")
    IdentityResponse update(@PathVariable String id, @RequestBody List<PatchOperation> patch, Caller caller) {
        IdentityDetails updated = commands.send(new UpdateIdentity(id, patch), caller);
        return IdentityResponse.of(updated);
    }
}
