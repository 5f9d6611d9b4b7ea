package dev.idcred.shared.webhook;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/** A webhook's signing secret was replaced (derived from {@code secretSalt}); deliveries are signed with it from now. */
@Revision("1")
public record WebhookSecretRotated(String webhookId, String secretSalt, Instant rotatedAt) {
}
