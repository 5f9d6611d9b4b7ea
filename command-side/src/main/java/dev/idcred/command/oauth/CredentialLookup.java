package dev.idcred.command.oauth;

import dev.idcred.shared.common.GrantType;
import dev.idcred.shared.usage.CredentialKind;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/** What the token endpoint needs to know of a live credential; a deleted one is not found. */
public interface CredentialLookup {

    /** A live credential; {@code secretHash} is the keyed hash, never the secret. */
    record CredentialRecord(String clientId, CredentialKind kind, String ownerId, String secretHash,
                            List<String> scope, Set<GrantType> grantTypes, boolean enabled,
                            int accessTokenValiditySeconds, int refreshTokenValiditySeconds) {
    }

    /** A refresh-token family: its client, and the keyed hash and expiry of its current (unspent) token. */
    record RefreshFamilyRecord(String familyId, String clientId, String ownerId, String secretHash,
                               java.time.Instant expiresAt, boolean revoked) {
    }

    Optional<CredentialRecord> findCredential(String clientId);

    Optional<RefreshFamilyRecord> findRefreshFamily(String familyId);
}
