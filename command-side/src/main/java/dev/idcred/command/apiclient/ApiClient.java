package dev.idcred.command.apiclient;

import dev.idcred.command.TextRules;
import dev.idcred.command.patch.JsonPatches;
import dev.idcred.shared.apiclient.ApiClientCreated;
import dev.idcred.shared.apiclient.ApiClientDeleted;
import dev.idcred.shared.apiclient.ApiClientSettings;
import dev.idcred.shared.apiclient.ApiClientUpdated;
import dev.idcred.shared.apiclient.ApiClientUsed;
import dev.idcred.shared.apiclient.CreateApiClient;
import dev.idcred.shared.apiclient.DeleteApiClient;
import dev.idcred.shared.apiclient.UpdateApiClient;
import dev.idcred.shared.common.DomainException;
import dev.idcred.shared.common.ErrorCode;
import dev.idcred.shared.common.KeyTypes;
import dev.idcred.shared.common.RightsCatalogue;
import dev.idcred.shared.credential.CredentialStates;
import dev.idcred.shared.credential.OwnerFacts;
import dev.idcred.shared.token.AccessTokenRevoked;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.axonframework.modelling.command.AggregateLifecycle.markDeleted;

/** An API client (API key): created by an identity, or with a virtual appliance as its VA key. */
@Aggregate
public class ApiClient {

    static final int MAX_KEY_TYPE_LENGTH = 64;

    @AggregateIdentifier
    private String clientId;
    private String ownerId;
    private String keyType;
    private ApiClientSettings settings;
    private Instant createdAt;
    private Instant modifiedAt;
    private Instant lastUsed;

    protected ApiClient() {
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.ALWAYS)
    public ApiClientDetails create(CreateApiClient command, CredentialStates states, RightsCatalogue catalogue,
                                   Clock clock) {
        OwnerFacts owner = states.identity(command.ownerId()).orElseThrow(() -> new DomainException(
                ErrorCode.FORBIDDEN, "The creating identity is unknown"));
        ensureCreatorMayOwnApiClients(owner);
        String type = command.keyType() == null || command.keyType().isBlank() ? KeyTypes.API
                : TextRules.validName("keyType", command.keyType(), MAX_KEY_TYPE_LENGTH);
        ensureNotVirtualApplianceKey(type, "created");
        ApiClientSettings complete = ApiClientPolicy.complete(command.settings(), catalogue);
        apply(new ApiClientCreated(command.clientId(), owner.identityId(), type, complete, command.secretHash(),
                clock.instant()));
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
        apply(new ApiClientCreated(clientId, owner.identityId(), KeyTypes.VA, settings, secretHash, createdAt));
        return key;
    }

    @CommandHandler
    public ApiClientDetails handle(UpdateApiClient command, RightsCatalogue catalogue, Clock clock) {
        ApiClientSettings patched = ApiClientPolicy.complete(
                JsonPatches.apply(settings, command.patch(), ApiClientSettings.class), catalogue);
        if (!patched.equals(settings)) {
            apply(new ApiClientUpdated(clientId, patched, clock.instant()));
        }
        return details();
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

    /** Stops one of the credential's access tokens before it expires (RFC 7009); the log keeps who and why. */
    public void revokeAccessToken(String jti, Instant expiresAt, String reason, Instant now) {
        apply(new AccessTokenRevoked(clientId, ownerId, jti, expiresAt, reason, now));
    }

    /** Records a use once per minute: a use within the minute already recorded is a deliberate no-op. */
    public void recordUsage(Instant usedAt) {
        if (lastUsed == null || usedAt.truncatedTo(ChronoUnit.MINUTES).isAfter(lastUsed)) {
            apply(new ApiClientUsed(clientId, usedAt));
        }
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
        return new ApiClientDetails(clientId, ownerId, keyType, settings, createdAt, modifiedAt, lastUsed);
    }

    @EventSourcingHandler
    void on(ApiClientCreated event) {
        clientId = event.clientId();
        ownerId = event.ownerId();
        keyType = event.keyType();
        settings = event.settings();
        createdAt = event.createdAt();
        modifiedAt = event.createdAt();
    }

    @EventSourcingHandler
    void on(ApiClientUpdated event) {
        settings = event.settings();
        modifiedAt = event.modifiedAt();
    }

    @EventSourcingHandler
    void on(ApiClientUsed event) {
        lastUsed = event.usedAt();
    }

    @EventSourcingHandler
    void on(ApiClientDeleted event) {
        markDeleted();
    }
}
