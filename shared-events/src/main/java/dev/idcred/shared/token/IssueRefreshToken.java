package dev.idcred.shared.token;

import java.time.Instant;

/**
 * Start a refresh-token family for an API client; {@code secretHash} is the keyed hash of its first token. A family
 * the authorization-code grant began acts for a person ({@code actingFor}) with the scope they consented to
 * ({@code scope}); both are null for the client-credentials grant.
 */
public record IssueRefreshToken(String familyId, String clientId, String ownerId, String secretHash,
                                Instant expiresAt, String actingFor, java.util.List<String> scope) {
    /** A family of the client-credentials grant. */
    public IssueRefreshToken(String familyId, String clientId, String ownerId, String secretHash, Instant expiresAt) {
        this(familyId, clientId, ownerId, secretHash, expiresAt, null, null);
    }
}
