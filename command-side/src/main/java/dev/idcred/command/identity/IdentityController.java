package dev.idcred.command.identity;

import dev.idcred.access.gate.Caller;
import dev.idcred.access.issuer.Issuer;
import dev.idcred.command.Commands;
import dev.idcred.command.Ids;
import dev.idcred.command.signin.SignInKeys;
import dev.idcred.shared.common.IdentityKind;
import dev.idcred.shared.common.NetworkRules;
import dev.idcred.shared.common.PatchOperation;
import dev.idcred.shared.identity.CreateIdentity;
import dev.idcred.shared.identity.DeleteIdentity;
import dev.idcred.shared.identity.UpdateIdentity;
import dev.idcred.shared.signin.IssueInvitation;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Registers identities, changes their name, username, tenant-access expiry and network rules, invites them to choose
 * a password, and removes them.
 */
@RestController
@RequestMapping("/v3/identities")
class IdentityController {

    record CreateIdentityRequest(String name, String username, IdentityKind kind, Instant tenantAccessExpiresAt,
                                 NetworkRules networkRules) {
    }

    record IdentityResponse(String id, String name, String username, IdentityKind kind,
                            Instant tenantAccessExpiresAt, NetworkRules networkRules, Instant created,
                            Instant modified) {
        static IdentityResponse of(IdentityDetails d) {
            return new IdentityResponse(d.identityId(), d.name(), d.username(), d.kind(), d.tenantAccessExpiresAt(),
                    d.networkRules(), d.createdAt(), d.modifiedAt());
        }
    }

    /** How long the invitation stays valid, in hours (default 72, at most 168). */
    record InvitationRequest(Integer validForHours) {
    }

    /** The invitation's one-time link, shown to the administrator who asked for it and nowhere else. */
    record InvitationResponse(String url, Instant expiresAt) {
    }

    private final Commands commands;
    private final SignInKeys keys;
    private final Issuer issuer;

    IdentityController(Commands commands, SignInKeys keys, Issuer issuer) {
        this.commands = commands;
        this.keys = keys;
        this.issuer = issuer;
    }

    @PostMapping
    IdentityResponse create(@RequestBody CreateIdentityRequest request, Caller caller) {
        IdentityDetails created = commands.send(new CreateIdentity(Ids.next(), request.name(), request.kind(),
                request.tenantAccessExpiresAt(), request.networkRules(), request.username()), caller);
        return IdentityResponse.of(created);
    }

    @PatchMapping("/{id}")
    IdentityResponse update(@PathVariable String id, @RequestBody List<PatchOperation> patch, Caller caller) {
        IdentityDetails updated = commands.send(new UpdateIdentity(id, patch), caller);
        return IdentityResponse.of(updated);
    }

    /** Offboards the identity: its credentials, sessions and consents end now; the log keeps its history. */
    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@PathVariable String id, Caller caller) {
        commands.send(new DeleteIdentity(id, "Removed by " + caller.identityId()), caller);
    }

    /** A one-time link to choose a password, superseding earlier ones. */
    @PostMapping("/{id}/invitations")
    @ResponseStatus(HttpStatus.CREATED)
    ResponseEntity<InvitationResponse> invite(@PathVariable String id,
                                              @RequestBody(required = false) InvitationRequest request,
                                              Caller caller) {
        String invitationId = Ids.next();
        Duration validity = request == null || request.validForHours() == null ? null
                : Duration.ofHours(Math.max(0, Math.min(request.validForHours(), 10_000)));
        Instant expiresAt = commands.send(new IssueInvitation(id, invitationId, validity), caller);
        String url = issuer.at("/account/invitations/" + id + "/" + invitationId + "?token="
                + keys.invitationToken(id, invitationId));
        return ResponseEntity.status(201).cacheControl(CacheControl.noStore())
                .body(new InvitationResponse(url, expiresAt));
    }
}
