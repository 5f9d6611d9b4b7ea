package dev.idcred.shared.identity;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.Set;

/**
 * Make an identity hold exactly {@code levels}: each level gained is granted and each one lost revoked, all or none
 * (as {@code PATCH /v3/auth-users/{id}} asks).
 */
public record ChangeUserLevels(@TargetAggregateIdentifier String identityId, Set<String> levels) {
}
