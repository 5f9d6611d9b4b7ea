package dev.idcred.shared.identity;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Give an identity a user level (a capability such as {@code ORG_ADMIN}). */
public record GrantUserLevel(@TargetAggregateIdentifier String identityId, String level) {
}
