package dev.idcred.shared.webhook;

import dev.idcred.shared.common.PatchOperation;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.List;

/** Change a webhook's {@code url}, {@code eventTypes}, {@code description} or {@code enabled} by a JSON Patch. */
public record ChangeWebhook(@TargetAggregateIdentifier String webhookId, List<PatchOperation> patch) {
}
