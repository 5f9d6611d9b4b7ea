package dev.idcred.shared.webhook;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Remove a webhook. */
public record DeleteWebhook(@TargetAggregateIdentifier String webhookId) {
}
