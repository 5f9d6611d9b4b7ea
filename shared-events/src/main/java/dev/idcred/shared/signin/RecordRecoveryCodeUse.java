package dev.idcred.shared.signin;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Write to the log that a recovery code was spent; {@code remaining} are left. */
public record RecordRecoveryCodeUse(@TargetAggregateIdentifier String identityId, int remaining) {
}
