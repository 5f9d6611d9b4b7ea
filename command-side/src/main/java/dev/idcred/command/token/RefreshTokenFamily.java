package dev.idcred.command.token;

import dev.idcred.shared.common.Limits;
import dev.idcred.shared.credential.RefreshTokenFamilyRevoked;
import dev.idcred.shared.token.IssueRefreshToken;
import dev.idcred.shared.token.RefreshOutcome;
import dev.idcred.shared.token.RefreshTokenIssued;
import dev.idcred.shared.token.RefreshTokenRotated;
import dev.idcred.shared.token.RevokeRefreshTokenFamily;
import dev.idcred.shared.token.RotateRefreshToken;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * The refresh tokens one client-credentials grant of an API client led to. Only the newest is valid, for the
 * client's refresh validity; using it replaces it. Presenting one that was already replaced means two parties hold
 * the family (one of them a thief), so the whole family ends, with every access token issued in it.
 */
@Aggregate
public class RefreshTokenFamily {

    @AggregateIdentifier
    private String familyId;
    private String clientId;
    private String ownerId;
    private String currentHash;
    private Instant expiresAt;
    private boolean revoked;
    private final Set<String> spentHashes = new HashSet<>();

    protected RefreshTokenFamily() {
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.ALWAYS)
    public void issue(IssueRefreshToken command, Clock clock) {
        apply(new RefreshTokenIssued(command.familyId(), command.clientId(), command.ownerId(), command.secretHash(),
                command.expiresAt(), clock.instant(), command.actingFor(), command.scope()));
    }

    @CommandHandler
    public RefreshOutcome handle(RotateRefreshToken command, Clock clock) {
        Instant now = clock.instant();
        if (revoked) {
            return RefreshOutcome.REVOKED;
        }
        if (spentHashes.contains(command.presentedSecretHash())) {
            revoke("A rotated refresh token was presented again", now);
            return RefreshOutcome.REUSED;
        }
        if (!command.presentedSecretHash().equals(currentHash)) {
            return RefreshOutcome.UNKNOWN;
        }
        if (!now.isBefore(expiresAt)) {
            return RefreshOutcome.EXPIRED;
        }
        apply(new RefreshTokenRotated(familyId, clientId, command.secretHash(), command.expiresAt(), now));
        return RefreshOutcome.ROTATED;
    }

    @CommandHandler
    public boolean handle(RevokeRefreshTokenFamily command, Clock clock) {
        String presented = command.presentedSecretHash();
        boolean ours = presented == null || presented.equals(currentHash) || spentHashes.contains(presented);
        if (!ours || revoked) {
            return false;
        }
        revoke(command.reason(), clock.instant());
        return true;
    }

    private void revoke(String reason, Instant now) {
        apply(new RefreshTokenFamilyRevoked(familyId, clientId, ownerId, reason,
                now.plusSeconds(Limits.MAX_ACCESS_TOKEN_VALIDITY_SECONDS), now));
    }

    @EventSourcingHandler
    void on(RefreshTokenIssued event) {
        familyId = event.familyId();
        clientId = event.clientId();
        ownerId = event.ownerId();
        currentHash = event.secretHash();
        expiresAt = event.expiresAt();
    }

    @EventSourcingHandler
    void on(RefreshTokenRotated event) {
        spentHashes.add(currentHash);
        currentHash = event.secretHash();
        expiresAt = event.expiresAt();
    }

    @EventSourcingHandler
    void on(RefreshTokenFamilyRevoked event) {
        revoked = true;
    }
}
