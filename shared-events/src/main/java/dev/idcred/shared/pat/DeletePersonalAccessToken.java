package dev.idcred.shared.pat;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Delete a token; {@code reason} is kept in the log. */
public record DeletePersonalAccessToken(@TargetAggregateIdentifier String tokenId, String reason) {
}
