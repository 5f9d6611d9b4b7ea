package dev.idcred.command.apiclient;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.idcred.access.gate.Caller;
import dev.idcred.command.Commands;
import dev.idcred.command.Ids;
import dev.idcred.command.credential.SecretRotationBody;
import dev.idcred.command.secret.SecretIssuer;
import dev.idcred.shared.apiclient.ApiClientSettings;
import dev.idcred.shared.apiclient.CreateApiClient;
import dev.idcred.shared.apiclient.DeleteApiClient;
import dev.idcred.shared.apiclient.UpdateApiClient;
import dev.idcred.shared.common.GrantType;
import dev.idcred.shared.common.PatchOperation;
import dev.idcred.shared.hygiene.RotateSecret;
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

/** Creates, updates and deletes API clients: {@code /v3/oauth-clients} as the v3 API has it. */
@RestController
@RequestMapping("/v3/oauth-clients")
class ApiClientController {

    /** The v3 API's CreateOAuthClientRequest, plus {@code keyType} for the listing's Type column. */
    record CreateOAuthClientRequest(String businessName, String homepageUrl, String name, String description,
                                    Integer accessTokenValiditySeconds, Integer refreshTokenValiditySeconds,
                                    List<String> redirectUris, List<GrantType> grantTypes, String accessType,
                                    String type, Boolean internal, Boolean enabled, Boolean strongAuthSupported,
                                    Boolean claimsSupported, List<String> scope, String keyType,
                                    Instant expiresAt) {
        ApiClientSettings settings() {
            return new ApiClientSettings(name, description, businessName, homepageUrl, accessTokenValiditySeconds,
                    refreshTokenValiditySeconds, redirectUris, grantTypes, accessType, type, internal, enabled,
                    strongAuthSupported, claimsSupported, scope);
        }
    }

    /** The v3 API's OAuth client body; {@code secret} only in the create response. */
    record OAuthClientResponse(String id, @JsonInclude(JsonInclude.Include.NON_NULL) String secret,
                               String businessName, String homepageUrl, String name, String description,
                               int accessTokenValiditySeconds, int refreshTokenValiditySeconds,
                               List<String> redirectUris, List<GrantType> grantTypes, String accessType, String type,
                               boolean internal, boolean enabled, boolean strongAuthSupported,
                               boolean claimsSupported, Instant created, Instant modified, Instant lastUsed,
                               List<String> scope, String keyType, Instant expiresAt, String ownerId) {
        static OAuthClientResponse of(ApiClientDetails c, String secret) {
            ApiClientSettings s = c.settings();
            return new OAuthClientResponse(c.clientId(), secret, s.businessName(), s.homepageUrl(), s.name(),
                    s.description(), s.accessTokenValiditySeconds(), s.refreshTokenValiditySeconds(),
                    s.redirectUris(), s.grantTypes(), s.accessType(), s.type(), s.internal(), s.enabled(),
                    s.strongAuthSupported(), s.claimsSupported(), c.createdAt(), c.modifiedAt(), c.lastUsed(),
                    s.scope(), c.keyType(), c.expiresAt(), c.ownerId());
        }
    }

    private final Commands commands;
    private final SecretIssuer secrets;

    ApiClientController(Commands commands, SecretIssuer secrets) {
        this.commands = commands;
        this.secrets = secrets;
    }

    @PostMapping
    OAuthClientResponse create(@RequestBody CreateOAuthClientRequest request, Caller caller) {
        SecretIssuer.IssuedSecret secret = secrets.issue();
        ApiClientDetails created = commands.send(new CreateApiClient(Ids.next(), caller.identityId(),
                request.keyType(), request.settings(), secret.hash(), request.expiresAt()), caller);
        // A public client proves nothing with a secret (it cannot keep one): it is given none to keep.
        return OAuthClientResponse.of(created, "PUBLIC".equals(created.settings().type()) ? null : secret.secret());
    }

    @PatchMapping("/{id}")
    OAuthClientResponse update(@PathVariable String id, @RequestBody List<PatchOperation> patch, Caller caller) {
        ApiClientDetails updated = commands.send(new UpdateApiClient(id, patch), caller);
        return OAuthClientResponse.of(updated, null);
    }

    /** A new secret; the earlier ones keep working for the grace period. VA keys rotate with their appliance. */
    @PostMapping("/{id}/secret")
    SecretRotationBody.Response rotateSecret(@PathVariable String id,
                                             @RequestBody(required = false) SecretRotationBody.Request request,
                                             Caller caller) {
        SecretRotationBody.Request asked = request == null ? SecretRotationBody.Request.DEFAULTS : request;
        SecretIssuer.IssuedSecret secret = secrets.issue();
        RotateSecret.Rotation rotation = commands.send(new RotateSecret(id, CredentialKind.API_CLIENT, secret.hash(),
                asked.gracePeriodSeconds(), asked.expiresAt()), caller);
        return new SecretRotationBody.Response(id, secret.secret(), rotation.version(),
                rotation.previousValidUntil(), rotation.expiresAt());
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@PathVariable String id, Caller caller) {
        commands.send(new DeleteApiClient(id), caller);
    }
}
