package dev.idcred.shared.consent;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.List;

/** A person approves what an API client asked for at the authorization endpoint. */
public record GrantConsent(@TargetAggregateIdentifier String identityId, String clientId, List<String> scope) {
}
