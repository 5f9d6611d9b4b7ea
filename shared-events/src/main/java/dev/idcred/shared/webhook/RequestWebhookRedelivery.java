package dev.idcred.shared.webhook;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Someone asked for one of a webhook's deliveries to be made again: the webhook records it in its history. */
public record RequestWebhookRedelivery(@TargetAggregateIdentifier String webhookId, long deliveryId) {
}
