package dev.idcred.command.identity;

import dev.idcred.shared.common.IdentityKind;
import dev.idcred.shared.common.NetworkRules;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/**
 * What the write side knows of an identity, read consistently inside the command's transaction. Aggregates of
 * other features take it as a handler parameter.
 */
public interface IdentityLookup {

    record IdentitySummary(String identityId, String name, IdentityKind kind, Set<String> levels,
                           Instant tenantAccessExpiresAt, NetworkRules networkRules) {

        public IdentitySummary(String identityId, String name, IdentityKind kind, Set<String> levels,
                               Instant tenantAccessExpiresAt) {
            this(identityId, name, kind, levels, tenantAccessExpiresAt, NetworkRules.none());
        }

        /** A vendor account whose tenant access has ended: its tokens are being deleted and obtain nothing. */
        public boolean accessEndedBy(Instant now) {
            return tenantAccessExpiresAt != null && !now.isBefore(tenantAccessExpiresAt);
        }
    }

    Optional<IdentitySummary> find(String identityId);
}
