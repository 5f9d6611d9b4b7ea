package dev.idcred.shared.pat;

import dev.idcred.shared.common.PatchOperation;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.List;

/** Apply a JSON Patch to a token's name or scope. */
public record UpdatePersonalAccessToken(@TargetAggregateIdentifier String tokenId, List<PatchOperation> patch) {
}
