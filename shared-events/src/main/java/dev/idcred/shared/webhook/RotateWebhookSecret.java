package dev.idcred.shared.webhook;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Give a webhook a new signing secret, seeded by {@code secretSalt}. */
public record RotateWebhookSecret(@TargetAggregateIdentifier String webhookId, String secretSalt) {
}
