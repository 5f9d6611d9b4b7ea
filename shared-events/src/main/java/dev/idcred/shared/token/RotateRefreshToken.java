package dev.idcred.shared.token;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/**
 * Exchange the family's presented refresh token (by its keyed hash) for a new one. Answers a
 * {@link RefreshOutcome}, never an exception, so a detected reuse still records the family's revocation.
 */
public record RotateRefreshToken(@TargetAggregateIdentifier String familyId, String presentedSecretHash,
                                 String secretHash, Instant expiresAt) {
}
