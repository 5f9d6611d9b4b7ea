package dev.idcred.command.pat;

import dev.idcred.command.ScopeRules;
import dev.idcred.command.TextRules;
import dev.idcred.command.credential.Credential;
import dev.idcred.command.credential.CredentialRules;
import dev.idcred.command.patch.JsonPatches;
import dev.idcred.shared.common.DomainException;
import dev.idcred.shared.common.ErrorCode;
import dev.idcred.shared.common.Limits;
import dev.idcred.shared.common.RightsCatalogue;
import dev.idcred.shared.credential.CredentialFacts;
import dev.idcred.shared.credential.CredentialUsed;
import dev.idcred.shared.credential.CredentialStates;
import dev.idcred.shared.credential.OwnerFacts;
import dev.idcred.shared.credential.PersonalAccessTokenCreated;
import dev.idcred.shared.credential.PersonalAccessTokenDeleted;
import dev.idcred.shared.credential.PersonalAccessTokenUpdated;
import dev.idcred.shared.credential.PersonalAccessTokenUsed;
import dev.idcred.shared.hygiene.TenantPolicy;
import dev.idcred.shared.pat.CreatePersonalAccessToken;
import dev.idcred.shared.pat.DeletePersonalAccessToken;
import dev.idcred.shared.pat.UpdatePersonalAccessToken;
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
 * A personal access token: what every credential shares is {@link Credential}'s; here are its name and scope, who may
 * manage it, and how it stops (deleted). The two rules that span an owner's tokens (at most ten, names unique) are checked
 * against the {@link PatRegistry}, which serialises an owner's changes inside the command's transaction.
 */
@Aggregate
public class PersonalAccessToken extends Credential {

    static final int MAX_TOKENS_PER_OWNER = 10;
    static final int DEFAULT_ACCESS_TOKEN_VALIDITY_SECONDS = 43_200;
    static final int MAX_NAME_LENGTH = 255;

    @AggregateIdentifier
    private String tokenId;
    private String ownerId;
    private String name;
    private List<String> scope;
    private int accessTokenValiditySeconds;

    protected PersonalAccessToken() {
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.ALWAYS)
    public PatDetails create(CreatePersonalAccessToken command, Actor actor, CredentialPolicy access,
                             CredentialStates states, PatRegistry registry, RightsCatalogue catalogue,
                             TenantPolicy policy, Clock clock) {
        OwnerFacts owner = states.identity(command.ownerId()).orElseThrow(() -> new DomainException(
                ErrorCode.NOT_FOUND, "No such owner identity: " + command.ownerId()));
        access.ensureMayCreateFor(actor, owner);
        ensureOwnerAccessNotEnded(owner, clock);
        String validName = validName(command.name());
        List<String> validScope = ScopeRules.validScope(command.scope(), catalogue);
        access.ensureMayHand(actor, validScope, owner);
        int validity = validity(command.accessTokenValiditySeconds());
        Instant now = clock.instant();
        Instant expiresAt = CredentialRules.expiry(CredentialKind.PERSONAL_ACCESS_TOKEN, command.expiresAt(), policy,
                now);
        registry.lockOwner(owner.identityId());
        ensureOwnerHasRoom(registry, owner.identityId());
        ensureNameIsFree(registry, owner.identityId(), validName, command.tokenId());
        apply(new PersonalAccessTokenCreated(command.tokenId(), owner.identityId(), validName, validScope, validity,
                command.secretHash(), now, expiresAt));
        return details(owner.name());
    }

    @CommandHandler
    public PatDetails handle(UpdatePersonalAccessToken command, Actor actor, CredentialPolicy access,
                             CredentialStates states, PatRegistry registry, RightsCatalogue catalogue, Clock clock) {
        access.ensureMayManageToken(actor, ownerId, tokenId);
        var patched = JsonPatches.apply(new PatPatchDocument(name, scope), command.patch(), PatPatchDocument.class);
        String validName = validName(patched.name());
        List<String> validScope = ScopeRules.validScope(patched.scope(), catalogue);
        if (!validScope.equals(scope)) {
            OwnerFacts owner = owner(states);
            access.ensureMayTakeOver(actor, owner);
            access.ensureMayHand(actor, validScope, owner);
        }
        if (!validName.equals(name)) {
            registry.lockOwner(ownerId);
            ensureNameIsFree(registry, ownerId, validName, tokenId);
        }
        if (!validName.equals(name) || !validScope.equals(scope)) {
            apply(new PersonalAccessTokenUpdated(tokenId, ownerId, validName, validScope, clock.instant()));
        }
        return details(states.identity(ownerId).map(OwnerFacts::name).orElse(null));
    }

    @CommandHandler
    public void handle(DeletePersonalAccessToken command, Actor actor, CredentialPolicy access, Clock clock) {
        access.ensureMayManageToken(actor, ownerId, tokenId);
        apply(new PersonalAccessTokenDeleted(tokenId, ownerId, command.reason(), clock.instant()));
    }

    /** Only someone who may manage the owner's tokens rotates one; to others it is not found. */
    @Override
    protected void ensureMayRotate(Actor actor, CredentialPolicy access) {
        access.ensureMayManageToken(actor, ownerId, tokenId);
    }

    /** A token unused too long, or whose secret leaked, is deleted by the system. */
    @Override
    protected void stop(String reason, Instant now) {
        apply(new PersonalAccessTokenDeleted(tokenId, ownerId, reason, now));
    }

    @Override
    protected String credentialId() {
        return tokenId;
    }

    @Override
    protected String ownerId() {
        return ownerId;
    }

    @Override
    protected List<String> scope() {
        return scope;
    }

    @Override
    protected boolean enabled() {
        return true;
    }

    @Override
    protected CredentialUsed used(Instant usedAt, Usage usage) {
        return new PersonalAccessTokenUsed(tokenId, usedAt, usage);
    }

    @Override
    protected DomainException notFound() {
        return notFound("personal access token", tokenId);
    }

    /** The seed: each user can have up to 10 personal access tokens. */
    private static void ensureOwnerHasRoom(PatRegistry registry, String ownerId) {
        if (registry.countOf(ownerId) >= MAX_TOKENS_PER_OWNER) {
            throw new DomainException(ErrorCode.PAT_LIMIT_REACHED,
                    "An identity can have at most " + MAX_TOKENS_PER_OWNER + " personal access tokens");
        }
    }

    /** A token's name cannot be the same as another token of the same owner (compared ignoring case). */
    private static void ensureNameIsFree(PatRegistry registry, String ownerId, String name, String tokenId) {
        if (registry.isNameTaken(ownerId, name, tokenId)) {
            throw new DomainException(ErrorCode.PAT_NAME_TAKEN,
                    "The owner already has a personal access token named '" + name + "'");
        }
    }

    /** The seed: a vendor account's tokens end with its tenant access, so none is made after it. */
    private static void ensureOwnerAccessNotEnded(OwnerFacts owner, Clock clock) {
        if (owner.accessEndedBy(clock.instant())) {
            throw new DomainException(ErrorCode.FORBIDDEN,
                    "The tenant access of " + owner.identityId() + " has expired");
        }
    }

    private static String validName(String name) {
        return TextRules.validName("name", name, MAX_NAME_LENGTH);
    }

    private static int validity(Integer seconds) {
        if (seconds == null) {
            return DEFAULT_ACCESS_TOKEN_VALIDITY_SECONDS;
        }
        if (seconds < 1 || seconds > Limits.MAX_ACCESS_TOKEN_VALIDITY_SECONDS) {
            throw new DomainException(ErrorCode.INVALID_VALUE,
                    "accessTokenValiditySeconds must be between 1 and " + Limits.MAX_ACCESS_TOKEN_VALIDITY_SECONDS);
        }
        return seconds;
    }

    private PatDetails details(String ownerName) {
        return new PatDetails(tokenId, ownerId, ownerName, name, scope, accessTokenValiditySeconds,
                facts.createdAt(), facts.lastUsedAt(), facts.expiresAt());
    }

    @EventSourcingHandler
    void on(PersonalAccessTokenCreated event) {
        tokenId = event.tokenId();
        ownerId = event.ownerId();
        name = event.name();
        scope = event.scope();
        accessTokenValiditySeconds = event.accessTokenValiditySeconds();
        facts = CredentialFacts.fold(null, event);
    }

    @EventSourcingHandler
    void on(PersonalAccessTokenUpdated event) {
        name = event.name();
        scope = event.scope();
        facts = CredentialFacts.fold(facts, event);
    }

    @EventSourcingHandler
    void on(PersonalAccessTokenDeleted event) {
        markDeleted();
    }
}
