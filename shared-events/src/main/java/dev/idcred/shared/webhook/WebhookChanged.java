package dev.idcred.shared.webhook;

import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.List;

/** A webhook's settings changed; carries all of them as they now are. */
@Revision("1")
public record WebhookChanged(String webhookId, String url, List<String> eventTypes, String description,
                             boolean enabled, Instant changedAt) {
}
