package dev.idcred.access;

import dev.idcred.shared.common.NetworkRules;
import dev.idcred.shared.usage.CredentialKind;

import java.time.Instant;
import java.util.Set;

/**
 * A credential as it is now, as far as the tokens it obtained are concerned: whether it may still be used, the
 * rights it would be given today, its owner's network rules, and which of the asked-about token ids (access-token
 * {@code jti}s, refresh-token family ids) were revoked.
 *
 * @param seen false when the side answering has not yet seen the credential at all (a read model that lags the log
 *             by a moment); then the token's own rights stand until it has
 */
public record CredentialState(String credentialId, CredentialKind kind, String ownerId, boolean enabled,
                              Set<String> rights, NetworkRules networkRules, Instant ownerAccessEndsAt,
                              Set<String> revokedTokenIds, boolean seen) {

    public static CredentialState unseen(String credentialId) {
        return new CredentialState(credentialId, null, null, true, Set.of(), NetworkRules.none(), null, Set.of(),
                false);
    }

    public boolean usableAt(Instant now) {
        return enabled && revokedTokenIds.isEmpty() && (ownerAccessEndsAt == null || now.isBefore(ownerAccessEndsAt));
    }
}
