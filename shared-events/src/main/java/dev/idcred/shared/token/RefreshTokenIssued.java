package dev.idcred.shared.token;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/**
 * A refresh-token family began: the first refresh token of an API client's client-credentials grant. Access tokens
 * issued in the family carry its id, so revoking the family stops them too.
 */
@Revision("1")
public record RefreshTokenIssued(String familyId, String clientId, String ownerId, String secretHash,
                                 Instant expiresAt, Instant issuedAt) {
}
