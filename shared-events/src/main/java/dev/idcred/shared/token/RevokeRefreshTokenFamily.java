package dev.idcred.shared.token;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * End a refresh-token family, with every access token issued in it. With {@code presentedSecretHash}, only if that
 * token belongs to the family (RFC 7009 revocation); without, unconditionally.
 */
public record RevokeRefreshTokenFamily(@TargetAggregateIdentifier String familyId, String presentedSecretHash,
                                       String reason) {
}
