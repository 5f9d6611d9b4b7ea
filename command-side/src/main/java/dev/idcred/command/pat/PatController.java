package dev.idcred.command.pat;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.idcred.access.gate.Caller;
import dev.idcred.command.Commands;
import dev.idcred.command.Ids;
import dev.idcred.command.TextRules;
import dev.idcred.command.credential.SecretRotationBody;
import dev.idcred.command.secret.SecretIssuer;
import dev.idcred.shared.common.PatchOperation;
import dev.idcred.shared.hygiene.RotateSecret;
import dev.idcred.shared.pat.CreatePersonalAccessToken;
import dev.idcred.shared.pat.DeletePersonalAccessToken;
import dev.idcred.shared.pat.UpdatePersonalAccessToken;
import dev.idcred.shared.usage.CredentialKind;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.List;

/** Creates, updates and deletes personal access tokens: {@code /v3/personal-access-tokens}. */
@RestController
@RequestMapping("/v3/personal-access-tokens")
class PatController {

    /** The v3 API's request, plus {@code ownerId} for callers who manage every identity's tokens. */
    record CreatePersonalAccessTokenRequest(String name, List<String> scope, Integer accessTokenValiditySeconds,
                                            String ownerId, Instant expiresAt) {
    }

    record PatOwner(String type, String id, String name) {
    }

    /** The v3 API's token body; {@code secret} only in the create response. */
    record PersonalAccessTokenResponse(String id, @JsonInclude(JsonInclude.Include.NON_NULL) String secret,
                                       String name, List<String> scope, PatOwner owner, Instant created,
                                       Instant lastUsed, int accessTokenValiditySeconds, boolean managed,
                                       Instant expiresAt) {
        static PersonalAccessTokenResponse of(PatDetails t, String secret) {
            return new PersonalAccessTokenResponse(t.tokenId(), secret, t.name(), t.scope(),
                    new PatOwner("IDENTITY", t.ownerId(), t.ownerName()), t.createdAt(), t.lastUsed(),
                    t.accessTokenValiditySeconds(), false, t.expiresAt());
        }
    }

    private final Commands commands;
    private final SecretIssuer secrets;

    PatController(Commands commands, SecretIssuer secrets) {
        this.commands = commands;
        this.secrets = secrets;
    }

    @PostMapping
    PersonalAccessTokenResponse create(@RequestBody CreatePersonalAccessTokenRequest request, Caller caller) {
        String ownerId = request.ownerId() == null ? caller.identityId()
                : TextRules.validId("ownerId", caller.resolve(request.ownerId()));
        SecretIssuer.IssuedSecret secret = secrets.issue();
        PatDetails created = commands.send(new CreatePersonalAccessToken(Ids.next(), ownerId, request.name(),
                request.scope(), request.accessTokenValiditySeconds(), secret.hash(), request.expiresAt()), caller);
        return PersonalAccessTokenResponse.of(created, secret.secret());
    }

    @PatchMapping("/{id}")
    PersonalAccessTokenResponse update(@PathVariable String id, @RequestBody List<PatchOperation> patch,
                                       Caller caller) {
        PatDetails updated = commands.send(new UpdatePersonalAccessToken(id, patch), caller);
        return PersonalAccessTokenResponse.of(updated, null);
    }

    /** A new secret; the earlier ones keep working for the grace period. */
    @PostMapping("/{id}/secret")
    SecretRotationBody.Response rotateSecret(@PathVariable String id,
                                             @RequestBody(required = false) SecretRotationBody.Request request,
                                             Caller caller) {
        SecretRotationBody.Request asked = request == null ? SecretRotationBody.Request.DEFAULTS : request;
        SecretIssuer.IssuedSecret secret = secrets.issue();
        RotateSecret.Rotation rotation = commands.send(new RotateSecret(id, CredentialKind.PERSONAL_ACCESS_TOKEN,
                secret.hash(), asked.gracePeriodSeconds(), asked.expiresAt()), caller);
        return new SecretRotationBody.Response(id, secret.secret(), rotation.version(),
                rotation.previousValidUntil(), rotation.expiresAt());
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@PathVariable String id, Caller caller) {
        commands.send(new DeletePersonalAccessToken(id, "Deleted by " + caller.identityId()), caller);
    }
}
