package dev.idcred.shared.token;

import dev.idcred.shared.usage.CredentialKind;

import java.time.Instant;

/** Stop one access token (by its {@code jti}) issued to a credential, before it expires. */
public record RevokeAccessToken(String credentialId, CredentialKind kind, String jti, Instant expiresAt,
                                String reason) {
}
