package dev.idcred.command.apiclient;

import dev.idcred.command.TextRules;
import dev.idcred.command.credential.Credential;
import dev.idcred.command.credential.CredentialRules;
import dev.idcred.command.patch.JsonPatches;
import dev.idcred.shared.apiclient.ApiClientSettings;
import dev.idcred.shared.apiclient.CreateApiClient;
import dev.idcred.shared.apiclient.DeleteApiClient;
import dev.idcred.shared.apiclient.UpdateApiClient;
import dev.idcred.shared.common.DomainException;
import dev.idcred.shared.common.ErrorCode;
import dev.idcred.shared.common.KeyTypes;
import dev.idcred.shared.common.RightsCatalogue;
import dev.idcred.shared.credential.ApiClientCreated;
import dev.idcred.shared.credential.ApiClientDeleted;
import dev.idcred.shared.credential.ApiClientUpdated;
import dev.idcred.shared.credential.ApiClientUsed;
import dev.idcred.shared.credential.CredentialFacts;
import dev.idcred.shared.credential.CredentialUsed;
import dev.idcred.shared.credential.CredentialStates;
import dev.idcred.shared.credential.OwnerFacts;
import dev.idcred.shared.hygiene.RotateSecret;
import dev.idcred.shared.hygiene.TenantPolicy;
import dev.idcred.shared.policy.Actor;
import dev.idcred.shared.policy.CredentialPolicy;
import dev.idcred.shared.usage.CredentialKind;
import dev.idcred.shared.usage.Usage;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.axonframework.modelling.command.AggregateLifecycle.markDeleted;

/**
 * An API client (API key): created by an identity, or with a virtual appliance as its VA key. What every credential
 * shares (secrets, reviews, leaks, revoked tokens, usage) is {@link Credential}'s; here are its settings, its key
 * type and how it stops (disabled).
 */
@Aggregate
public class ApiClient extends Credential {

    static final int MAX_KEY_TYPE_LENGTH = 64;

    @AggregateIdentifier
    private String clientId;
    private String ownerId;
    private String keyType;
    private ApiClientSettings settings;
    private Instant modifiedAt;

    protected ApiClient() {
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.ALWAYS)
    public ApiClientDetails create(CreateApiClient command, Actor actor, CredentialPolicy access,
                                   CredentialStates states, RightsCatalogue catalogue, TenantPolicy policy,
                                   Clock clock) {
        OwnerFacts owner = states.identity(command.ownerId()).orElseThrow(() -> new DomainException(
                ErrorCode.FORBIDDEN, "The creating identity is unknown"));
        ensureCreatorMayOwnApiClients(owner);
        String type = command.keyType() == null || command.keyType().isBlank() ? KeyTypes.API
                : TextRules.validName("keyType", command.keyType(), MAX_KEY_TYPE_LENGTH);
        ensureNotVirtualApplianceKey(type, "created");
        ApiClientSettings complete = ApiClientPolicy.complete(command.settings(), catalogue);
        access.ensureMayCreateFor(actor, owner);
        access.ensureMayHand(actor, complete.scope(), owner);
        Instant now = clock.instant();
        Instant expiresAt = CredentialRules.expiry(CredentialKind.API_CLIENT, command.expiresAt(), policy, now);
        apply(new ApiClientCreated(command.clientId(), owner.identityId(), type, complete, command.secretHash(), now,
                expiresAt));
        return details();
    }

    /**
     * A virtual appliance's key: made only together with its appliance, never through the API-client endpoints. It is
     * an API client like any other, so the same creator rule holds: vendor accounts get none.
     */
    static ApiClient applianceKey(String clientId, OwnerFacts owner, String applianceName, String secretHash,
                                  RightsCatalogue catalogue, Instant createdAt) {
        ensureCreatorMayOwnApiClients(owner);
        var key = new ApiClient();
        ApiClientSettings settings = ApiClientPolicy.complete(ApiClientPolicy.forApplianceKey(applianceName), catalogue);
        apply(new ApiClientCreated(clientId, owner.identityId(), KeyTypes.VA, settings, secretHash, createdAt, null));
        return key;
    }

    /**
     * A patch of its settings. What widens what the client can reach (its scope, grants, redirect URIs or type) is a
     * re-scoping: by its owner, or by someone with at least the owner's rights, and never beyond the caller's rights.
     * A VA key is changed only with its appliance.
     */
    @CommandHandler
    public ApiClientDetails handle(UpdateApiClient command, Actor actor, CredentialPolicy access,
                                   CredentialStates states, RightsCatalogue catalogue, Clock clock) {
        ensureNotVirtualApplianceKey(keyType, "changed");
        ApiClientSettings patched = ApiClientPolicy.complete(
                JsonPatches.apply(settings, command.patch(), ApiClientSettings.class), catalogue);
        if (ApiClientPolicy.changesReach(settings, patched)) {
            OwnerFacts owner = owner(states);
            access.ensureMayTakeOver(actor, owner);
            access.ensureMayHand(actor, patched.scope(), owner);
        }
        if (!patched.equals(settings)) {
            apply(new ApiClientUpdated(clientId, patched, clock.instant(), null));
        }
        return details();
    }

    /** A VA key's secret is rotated only with its appliance. */
    @Override
    protected void ensureMayRotate(Actor actor, CredentialPolicy access) {
        ensureNotVirtualApplianceKey(keyType, "rotated");
    }

    /** The appliance's own rotation renews its key's secret. */
    RotateSecret.Rotation rotateWithAppliance(RotateSecret command, Actor actor, CredentialPolicy access,
                                              CredentialStates states, TenantPolicy policy, Instant now) {
        return rotateSecret(command, actor, access, states, policy, now);
    }

    /** A client unused too long, or whose secret leaked, is disabled (it stays, and its owner may enable it). */
    @Override
    protected void stop(String reason, Instant now) {
        if (settings.enabled()) {
            apply(new ApiClientUpdated(clientId, ApiClientPolicy.disabled(settings), now, reason));
        }
    }

    @CommandHandler
    public void handle(DeleteApiClient command, Clock clock) {
        ensureNotVirtualApplianceKey(keyType, "deleted");
        apply(new ApiClientDeleted(clientId, ownerId, keyType, clock.instant()));
    }

    /** The appliance's own deletion takes its key with it. */
    void deleteWithAppliance(Instant deletedAt) {
        apply(new ApiClientDeleted(clientId, ownerId, keyType, deletedAt));
    }

    @Override
    protected String credentialId() {
        return clientId;
    }

    @Override
    protected String ownerId() {
        return ownerId;
    }

    @Override
    protected List<String> scope() {
        return settings.scope();
    }

    @Override
    protected boolean enabled() {
        return settings.enabled();
    }

    @Override
    protected CredentialUsed used(Instant usedAt, Usage usage) {
        return new ApiClientUsed(clientId, usedAt, usage);
    }

    @Override
    protected DomainException notFound() {
        return notFound("API client", clientId);
    }

    private static void ensureCreatorMayOwnApiClients(OwnerFacts creator) {
        if (creator.kind().isVendorAccount()) {
            throw new DomainException(ErrorCode.CREATOR_MAY_NOT_OWN_API_CLIENTS,
                    creator.kind() + " accounts cannot create API clients");
        }
    }

    private static void ensureNotVirtualApplianceKey(String keyType, String verb) {
        if (KeyTypes.VA.equalsIgnoreCase(keyType)) {
            throw new DomainException(ErrorCode.VIRTUAL_APPLIANCE_KEY_PROTECTED, "A VA key cannot be " + verb
                    + " directly: it is made and removed with its virtual appliance");
        }
    }

    ApiClientDetails details() {
        return new ApiClientDetails(clientId, ownerId, keyType, settings, facts.createdAt(), modifiedAt,
                facts.lastUsedAt(), facts.expiresAt());
    }

    @EventSourcingHandler
    void on(ApiClientCreated event) {
        clientId = event.clientId();
        ownerId = event.ownerId();
        keyType = event.keyType();
        settings = event.settings();
        modifiedAt = event.createdAt();
        facts = CredentialFacts.fold(null, event);
    }

    @EventSourcingHandler
    void on(ApiClientUpdated event) {
        settings = event.settings();
        modifiedAt = event.modifiedAt();
        facts = CredentialFacts.fold(facts, event);
    }

    @EventSourcingHandler
    void on(ApiClientDeleted event) {
        markDeleted();
    }
}
