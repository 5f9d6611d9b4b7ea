package dev.idcred.shared.identity;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Take a user level away from an identity. */
public record RevokeUserLevel(@TargetAggregateIdentifier String identityId, String level) {
}
