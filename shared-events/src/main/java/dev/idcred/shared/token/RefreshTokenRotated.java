package dev.idcred.shared.token;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/** The family's refresh token was used and replaced: the one used before is spent for good. */
@Revision("1")
public record RefreshTokenRotated(String familyId, String clientId, String secretHash, Instant expiresAt,
                                  Instant rotatedAt) {
}
