package dev.idcred.shared.webhook;

import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.List;

/**
 * A tenant registered an HTTPS endpoint for credential events of {@code eventTypes}. {@code secretSalt} is not the
 * signing secret: that is derived from it with a key only the service holds, and shown once, when registered.
 */
@Revision("1")
public record WebhookRegistered(String webhookId, String url, List<String> eventTypes, String description,
                                String secretSalt, Instant registeredAt) {
}
