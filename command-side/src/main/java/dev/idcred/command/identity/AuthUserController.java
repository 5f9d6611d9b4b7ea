package dev.idcred.command.identity;

import dev.idcred.access.gate.Caller;
import dev.idcred.access.tenant.TenantProperties;
import dev.idcred.command.Commands;
import dev.idcred.command.hygiene.RightsDrift;
import dev.idcred.command.patch.JsonPatches;
import dev.idcred.shared.common.DomainException;
import dev.idcred.shared.common.ErrorCode;
import dev.idcred.shared.common.PatchOperation;
import dev.idcred.shared.common.RightsCatalogue;
import dev.idcred.shared.credential.CredentialStates;
import dev.idcred.shared.credential.OwnerFacts;
import dev.idcred.shared.identity.ChangeUserLevels;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Grants and revokes user levels through a JSON Patch on {@code /capabilities}: the patch is applied to the levels
 * the identity holds now, and the result becomes one {@link ChangeUserLevels}, which grants and revokes all of the
 * differences or none.
 */
@RestController
@RequestMapping("/v3/auth-users")
class AuthUserController {

    record Capabilities(List<String> capabilities) {
    }

    record AuthUserResponse(String tenant, String id, String uid, String profile, String displayName, String alias,
                            List<String> capabilities) {
        static AuthUserResponse of(String tenant, IdentityDetails d) {
            return new AuthUserResponse(tenant, d.identityId(), d.identityId(), d.kind().name(), d.name(), d.name(),
                    List.copyOf(new TreeSet<>(d.levels())));
        }
    }

    /** A dry run's answer: for each credential of the identity that would change, the rights gained and lost. */
    record CapabilitySimulation(String id, List<String> capabilities, List<RightsDrift.Drift> credentials) {
    }

    private final Commands commands;
    private final CredentialStates states;
    private final RightsCatalogue catalogue;
    private final RightsDrift drift;
    private final String tenant;

    AuthUserController(Commands commands, CredentialStates states, RightsCatalogue catalogue, RightsDrift drift,
                       TenantProperties tenant) {
        this.commands = commands;
        this.states = states;
        this.catalogue = catalogue;
        this.drift = drift;
        this.tenant = tenant.name();
    }

    /**
     * {@code POST /v3/auth-users/{id}/capabilities/simulation {"capabilities": [...]}}: which of the identity's
     * credentials would gain or lose which rights if it held these levels instead. Changes nothing.
     */
    @PostMapping("/{id}/capabilities/simulation")
    CapabilitySimulation simulate(@PathVariable String id, @RequestBody Capabilities proposed) {
        OwnerFacts owner = states.identity(id)
                .orElseThrow(() -> new DomainException(ErrorCode.NOT_FOUND, "No such auth user: " + id));
        if (proposed == null || proposed.capabilities() == null) {
            throw new DomainException(ErrorCode.INVALID_VALUE, "capabilities is required");
        }
        Set<String> levels = new TreeSet<>();
        for (String level : proposed.capabilities()) {
            if (level == null || !catalogue.isKnownLevel(level)) {
                throw new DomainException(ErrorCode.UNKNOWN_USER_LEVEL, "Unknown user level: " + level);
            }
            levels.add(level);
        }
        return new CapabilitySimulation(id, List.copyOf(levels), drift.simulate(owner, levels).stream()
                .filter(change -> !change.added().isEmpty() || !change.removed().isEmpty()).toList());
    }

    @PatchMapping("/{id}")
    AuthUserResponse patchCapabilities(@PathVariable String id, @RequestBody List<PatchOperation> patch,
                                       Caller caller) {
        Set<String> held = states.identity(id)
                .orElseThrow(() -> new DomainException(ErrorCode.NOT_FOUND, "No such auth user: " + id))
                .levels();
        Capabilities wanted = JsonPatches.apply(new Capabilities(List.copyOf(new TreeSet<>(held))), patch,
                Capabilities.class);
        Set<String> target = new LinkedHashSet<>(wanted.capabilities() == null ? List.of() : wanted.capabilities());
        for (String level : target) {
            if (level == null || !catalogue.isKnownLevel(level)) {
                throw new DomainException(ErrorCode.UNKNOWN_USER_LEVEL, "Unknown user level: " + level);
            }
        }
        IdentityDetails result = commands.send(new ChangeUserLevels(id, Set.copyOf(target)), caller);
        return AuthUserResponse.of(tenant, result);
    }
}
