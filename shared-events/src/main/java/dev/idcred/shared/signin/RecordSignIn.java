package dev.idcred.shared.signin;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.List;

/** Write a successful sign-in to the log. */
public record RecordSignIn(@TargetAggregateIdentifier String identityId, List<String> methods, String clientAddress) {
}
