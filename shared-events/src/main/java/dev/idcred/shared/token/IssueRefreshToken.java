package dev.idcred.shared.token;

import java.time.Instant;

/** Start a refresh-token family for an API client; {@code secretHash} is the keyed hash of its first token. */
public record IssueRefreshToken(String familyId, String clientId, String ownerId, String secretHash,
                                Instant expiresAt) {
}
