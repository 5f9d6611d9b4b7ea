package dev.idcred.shared.signin;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Sign-in no longer asks for an authenticator app's code. */
public record RemoveAuthenticator(@TargetAggregateIdentifier String identityId) {
}
