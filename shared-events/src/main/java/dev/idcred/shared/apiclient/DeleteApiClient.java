package dev.idcred.shared.apiclient;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Delete an API client through the API-client endpoints (refused for virtual appliance keys). */
public record DeleteApiClient(@TargetAggregateIdentifier String clientId) {
}
