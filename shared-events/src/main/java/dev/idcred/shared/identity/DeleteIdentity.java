package dev.idcred.shared.identity;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Offboard an identity; {@code reason} is kept in the log. */
public record DeleteIdentity(@TargetAggregateIdentifier String identityId, String reason) {
}
