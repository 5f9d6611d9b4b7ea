package dev.idcred.command.apiclient;

import dev.idcred.command.TextRules;
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
import dev.idcred.shared.credential.AccessTokenRevoked;
import dev.idcred.shared.credential.ApiClientCreated;
import dev.idcred.shared.credential.ApiClientDeleted;
import dev.idcred.shared.credential.ApiClientUpdated;
import dev.idcred.shared.credential.ApiClientUsed;
import dev.idcred.shared.credential.CredentialEvent;
import dev.idcred.shared.credential.CredentialFacts;
import dev.idcred.shared.credential.CredentialLeaked;
import dev.idcred.shared.credential.CredentialStates;
import dev.idcred.shared.credential.OwnerFacts;
import dev.idcred.shared.credential.SecretRotated;
import dev.idcred.shared.hygiene.ReportLeak;
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
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

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
    private Instant modifiedAt;
    /** What the client may do, folded from its events exactly as every other reader folds them. */
    private CredentialFacts facts;

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

    /**
     * A new secret, the earlier ones valid for a grace period; a VA key's only with its appliance. The new secret goes
     * to the actor, so it must be one who may hold what the client can do.
     */
    public RotateSecret.Rotation rotate(RotateSecret command, Actor actor, CredentialPolicy access,
                                        CredentialStates states, TenantPolicy policy, Instant now) {
        ensureNotVirtualApplianceKey(keyType, "rotated");
        return rotateSecret(command, actor, access, states, policy, now);
    }

    /** The appliance's own rotation renews its key's secret. */
    RotateSecret.Rotation rotateWithAppliance(RotateSecret command, Actor actor, CredentialPolicy access,
                                              CredentialStates states, TenantPolicy policy, Instant now) {
        return rotateSecret(command, actor, access, states, policy, now);
    }

    private RotateSecret.Rotation rotateSecret(RotateSecret command, Actor actor, CredentialPolicy access,
                                               CredentialStates states, TenantPolicy policy, Instant now) {
        OwnerFacts owner = owner(states);
        access.ensureMayTakeOver(actor, owner);
        access.ensureMayHand(actor, settings.scope(), owner);
        SecretRotated rotated = CredentialRules.rotation(facts, command, policy, now);
        apply(rotated);
        return new RotateSecret.Rotation(clientId, rotated.version(), rotated.previousValidUntil(),
                rotated.expiresAt());
    }

    /** The tenant's hygiene rules as of now; a client unused too long is disabled. */
    public void review(TenantPolicy policy, Instant now) {
        CredentialRules.Review review = CredentialRules.review(facts, settings.enabled(), policy, now);
        review.notices().forEach(AggregateLifecycle::apply);
        if (review.stopBecause() != null) {
            disable(review.stopBecause(), now);
        }
    }

    /** A scanner found one of its secrets: if it was valid, it ends now and the client is disabled. */
    public boolean reportLeak(ReportLeak report, Instant now) {
        Optional<CredentialLeaked> leak = CredentialRules.leak(facts, report.secretHash(), report.reporterId(),
                report.sourceUrl(), now);
        leak.ifPresent(leaked -> {
            apply(leaked);
            disable(CredentialRules.leakReason(leaked), now);
        });
        return leak.isPresent();
    }

    private void disable(String reason, Instant now) {
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

    /** Stops one of the credential's access tokens before it expires (RFC 7009); the log keeps who and why. */
    public void revokeAccessToken(String jti, Instant expiresAt, String reason, Instant now) {
        apply(new AccessTokenRevoked(clientId, ownerId, jti, expiresAt, reason, now));
    }

    /** Records a minute's tally of tokens obtained (the token endpoint sends at most two a minute per instance). */
    public void recordUsage(Instant usedAt, Usage usage) {
        apply(new ApiClientUsed(clientId, usedAt, usage));
    }

    private OwnerFacts owner(CredentialStates states) {
        return states.identity(ownerId).orElseThrow(() -> new DomainException(ErrorCode.NOT_FOUND,
                "No such API client: " + clientId));
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

    /** Usage, secrets, revoked tokens and hygiene notices: what the facts hold. */
    @EventSourcingHandler
    void on(CredentialEvent event) {
        facts = CredentialFacts.fold(facts, event);
    }

    @EventSourcingHandler
    void on(ApiClientDeleted event) {
        markDeleted();
    }
}
