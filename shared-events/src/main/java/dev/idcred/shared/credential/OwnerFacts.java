package dev.idcred.shared.credential;

import dev.idcred.shared.common.IdentityKind;
import dev.idcred.shared.common.NetworkRules;
import dev.idcred.shared.identity.ConsentGranted;
import dev.idcred.shared.identity.ConsentWithdrawn;
import dev.idcred.shared.identity.IdentityCreated;
import dev.idcred.shared.identity.IdentityDeleted;
import dev.idcred.shared.identity.IdentityEvent;
import dev.idcred.shared.identity.IdentityUpdated;
import dev.idcred.shared.identity.UserLevelGranted;
import dev.idcred.shared.identity.UserLevelRevoked;

import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.UnaryOperator;

/**
 * What the log says of an identity, as far as its credentials are concerned: its user levels, when a vendor
 * account's tenant access ends, the network rules its personal access tokens obey, the API clients it lets act for
 * it (its consents) and whether it left the tenant. Folded from its {@link IdentityEvent}s by {@link #fold}.
 *
 * @param consents  by client id: what the person let the client do for them, and since when
 * @param deletedAt when the identity left the tenant (null: it has not)
 */
public record OwnerFacts(String identityId, String name, IdentityKind kind, Set<String> levels,
                         Instant tenantAccessExpiresAt, NetworkRules networkRules, Instant createdAt,
                         Map<String, Consent> consents, Instant deletedAt) {

    /** What a person let one client do for them: these scopes, from this instant. */
    public record Consent(List<String> scope, Instant grantedAt) {
        public Consent {
            scope = List.copyOf(scope);
        }
    }

    /** Levels and consents keep their sorted order in every JVM, so every fold writes the same document. */
    public OwnerFacts {
        levels = Collections.unmodifiableSet(new TreeSet<>(levels));
        networkRules = networkRules == null ? NetworkRules.none() : networkRules;
        consents = consents == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(consents));
    }

    /** An identity that has given no consent and is still of the tenant. */
    public OwnerFacts(String identityId, String name, IdentityKind kind, Set<String> levels,
                      Instant tenantAccessExpiresAt, NetworkRules networkRules, Instant createdAt) {
        this(identityId, name, kind, levels, tenantAccessExpiresAt, networkRules, createdAt, Map.of(), null);
    }

    /** The facts after {@code event}; {@code facts} is null before the identity's creation. */
    public static OwnerFacts fold(OwnerFacts facts, IdentityEvent event) {
        return switch (event) {
            case IdentityCreated e -> new OwnerFacts(e.identityId(), e.name(), e.kind(), Set.of(),
                    e.tenantAccessExpiresAt(), e.networkRules(), e.createdAt());
            case IdentityUpdated e -> change(facts, was -> new OwnerFacts(was.identityId, e.name(), was.kind,
                    was.levels, e.tenantAccessExpiresAt(), e.networkRules(), was.createdAt, was.consents, null));
            case UserLevelGranted e -> change(facts, was -> {
                var held = new TreeSet<>(was.levels);
                held.add(e.level());
                return was.withLevels(held);
            });
            case UserLevelRevoked e -> change(facts, was -> {
                var held = new TreeSet<>(was.levels);
                held.remove(e.level());
                return was.withLevels(held);
            });
            case ConsentGranted e -> change(facts, was -> {
                var consents = new TreeMap<>(was.consents);
                consents.put(e.clientId(), new Consent(e.scope(), e.grantedAt()));
                return was.withConsents(consents);
            });
            case ConsentWithdrawn e -> change(facts, was -> {
                var consents = new TreeMap<>(was.consents);
                consents.remove(e.clientId());
                return was.withConsents(consents);
            });
            case IdentityDeleted e -> change(facts, was -> new OwnerFacts(was.identityId, was.name, was.kind, Set.of(),
                    was.tenantAccessExpiresAt, was.networkRules, was.createdAt, Map.of(), e.deletedAt()));
        };
    }

    /** A change to a live identity; before its creation or after its deletion the facts stay as they are. */
    private static OwnerFacts change(OwnerFacts facts, UnaryOperator<OwnerFacts> change) {
        return facts == null || facts.deletedAt != null ? facts : change.apply(facts);
    }

    /**
     * An identity whose access has ended: a vendor account past its tenant access, or anyone who left the tenant.
     * Its credentials obtain nothing and their tokens stop.
     */
    public boolean accessEndedBy(Instant now) {
        return deletedAt != null && !now.isBefore(deletedAt)
                || tenantAccessExpiresAt != null && !now.isBefore(tenantAccessExpiresAt);
    }

    /** When the identity's access ends or ended: it left the tenant, or a vendor account's access runs out. */
    public Instant accessEndsAt() {
        if (deletedAt != null && (tenantAccessExpiresAt == null || deletedAt.isBefore(tenantAccessExpiresAt))) {
            return deletedAt;
        }
        return tenantAccessExpiresAt;
    }

    public boolean live() {
        return deletedAt == null;
    }

    private OwnerFacts withLevels(Set<String> held) {
        return new OwnerFacts(identityId, name, kind, held, tenantAccessExpiresAt, networkRules, createdAt, consents,
                deletedAt);
    }

    private OwnerFacts withConsents(Map<String, Consent> given) {
        return new OwnerFacts(identityId, name, kind, levels, tenantAccessExpiresAt, networkRules, createdAt, given,
                deletedAt);
    }
}
