package dev.idcred.shared.credential;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/**
 * A refresh-token family ended before its time: its refresh token and every access token issued in it stop working.
 * {@code accessTokensValidUntil} bounds how long the revocation must be remembered.
 */
@Revision("1")
public record RefreshTokenFamilyRevoked(String familyId, String clientId, String ownerId, String reason,
                                        Instant accessTokensValidUntil, Instant revokedAt) implements CredentialEvent {
    @Override
    public String credentialId() {
        return clientId;
    }

    @Override
    public Instant occurredAt() {
        return revokedAt;
    }
}
