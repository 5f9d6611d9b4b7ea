package dev.idcred.shared.signin;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Replace the tenant's sign-in rules. */
public record ChangeSignInSettings(@TargetAggregateIdentifier String tenantId, SignInSettings settings) {
}
