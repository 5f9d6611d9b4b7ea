package dev.idcred.shared.webhook;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.List;

/** Register an endpoint for credential events; {@code secretSalt} seeds its signing secret. */
public record RegisterWebhook(@TargetAggregateIdentifier String webhookId, String url, List<String> eventTypes,
                              String description, String secretSalt) {
}
