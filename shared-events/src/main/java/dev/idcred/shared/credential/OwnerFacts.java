package dev.idcred.shared.credential;

import dev.idcred.shared.common.IdentityKind;
import dev.idcred.shared.common.NetworkRules;
import dev.idcred.shared.identity.IdentityCreated;
import dev.idcred.shared.identity.IdentityUpdated;
import dev.idcred.shared.identity.UserLevelGranted;
import dev.idcred.shared.identity.UserLevelRevoked;

import java.time.Instant;
import java.util.Set;
import java.util.TreeSet;

/**
 * What the log says of an identity, as far as its credentials are concerned: its user levels, when a vendor
 * account's tenant access ends, and the network rules its personal access tokens obey. Folded from its
 * {@link IdentityEvent}s by {@link #fold}.
 */
public record OwnerFacts(String identityId, String name, IdentityKind kind, Set<String> levels,
                         Instant tenantAccessExpiresAt, NetworkRules networkRules, Instant createdAt) {

    public OwnerFacts {
        levels = Set.copyOf(levels);
        networkRules = networkRules == null ? NetworkRules.none() : networkRules;
    }

    /** The facts after {@code event}; {@code facts} is null before the identity's creation. */
    public static OwnerFacts fold(OwnerFacts facts, IdentityEvent event) {
        if (event instanceof IdentityCreated e) {
            return new OwnerFacts(e.identityId(), e.name(), e.kind(), Set.of(), e.tenantAccessExpiresAt(),
                    e.networkRules(), e.createdAt());
        }
        if (facts == null) {
            return null;
        }
        if (event instanceof IdentityUpdated e) {
            return new OwnerFacts(facts.identityId, e.name(), facts.kind, facts.levels, e.tenantAccessExpiresAt(),
                    e.networkRules(), facts.createdAt);
        }
        if (event instanceof UserLevelGranted e) {
            var held = new TreeSet<>(facts.levels);
            held.add(e.level());
            return facts.withLevels(held);
        }
        if (event instanceof UserLevelRevoked e) {
            var held = new TreeSet<>(facts.levels);
            held.remove(e.level());
            return facts.withLevels(held);
        }
        return facts;
    }

    /** A vendor account whose tenant access has ended: its tokens are being deleted and obtain nothing. */
    public boolean accessEndedBy(Instant now) {
        return tenantAccessExpiresAt != null && !now.isBefore(tenantAccessExpiresAt);
    }

    private OwnerFacts withLevels(Set<String> held) {
        return new OwnerFacts(identityId, name, kind, held, tenantAccessExpiresAt, networkRules, createdAt);
    }
}
