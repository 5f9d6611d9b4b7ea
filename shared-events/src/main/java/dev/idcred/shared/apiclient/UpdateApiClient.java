package dev.idcred.shared.apiclient;

import dev.idcred.shared.common.PatchOperation;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.List;

/** Apply an RFC 6902 JSON Patch to an API client's settings. */
public record UpdateApiClient(@TargetAggregateIdentifier String clientId, List<PatchOperation> patch) {
}
