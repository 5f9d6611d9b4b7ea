package dev.idcred.shared.consent;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Withdraw a person's consent to a client; without one, nothing changes. */
public record WithdrawConsent(@TargetAggregateIdentifier String identityId, String clientId, String reason) {
}
