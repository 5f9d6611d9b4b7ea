package dev.idcred.shared.identity;

import dev.idcred.shared.common.PatchOperation;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.List;

/** Apply a JSON Patch to an identity's name, tenant-access expiry or network rules. */
public record UpdateIdentity(@TargetAggregateIdentifier String identityId, List<PatchOperation> patch) {
}
