package dev.idcred.shared.webhook;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/** A webhook was removed: nothing more is delivered to it. */
@Revision("1")
public record WebhookDeleted(String webhookId, Instant deletedAt) {
}
