package dev.idcred.shared.pat;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Delete a token on behalf of {@code actor}; {@code reason} is kept in the log. */
public record DeletePersonalAccessToken(@TargetAggregateIdentifier String tokenId, TokenActor actor,
                                        String reason) {
}
