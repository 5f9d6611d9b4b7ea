package dev.idcred.shared.signin;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Duration;

/** Make a one-time invitation for an identity to choose a password, valid for {@code validity}. */
public record IssueInvitation(@TargetAggregateIdentifier String identityId, String invitationId, Duration validity) {
}
