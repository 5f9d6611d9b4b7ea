package dev.idcred.shared.signin;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/** Write to the log that an identity is locked after {@code failures} failed sign-ins, until {@code lockedUntil}. */
public record LockOut(@TargetAggregateIdentifier String identityId, int failures, Instant lockedUntil) {
}
