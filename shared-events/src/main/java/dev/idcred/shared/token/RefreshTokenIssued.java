package dev.idcred.shared.token;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/**
 * A refresh-token family began: the first refresh token of an API client's client-credentials grant. Access tokens
 * issued in the family carry its id, so revoking the family stops them too. A family begun by the authorization-code
 * grant acts for a person ({@code actingFor}) with their consented {@code scope}; both are null otherwise.
 */
@Revision("1")
public record RefreshTokenIssued(String familyId, String clientId, String ownerId, String secretHash,
                                 Instant expiresAt, Instant issuedAt, String actingFor,
                                 java.util.List<String> scope) {
}
