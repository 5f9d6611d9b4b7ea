package dev.idcred.shared.common;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which rights each user level grants, which rights every identity holds, and which right each endpoint needs.
 * Loaded from the catalogue data file at start and validated there: every right a level or an endpoint names is
 * declared in {@code rights}.
 *
 * <p>The heart of the product: effective rights = scope ∩ rights(owner's levels), where {@link Scopes#ALL}
 * stands for all of the owner's rights and {@link Scopes#DEFAULT} for none of the protected ones.
 */
public record RightsCatalogue(Set<String> rights, Set<String> everyIdentity, Map<String, Set<String>> levels,
                              List<EndpointRule> endpoints) {

    /** A level whose rights list is this single entry holds every declared right. */
    public static final String EVERY_RIGHT = "*";

    public RightsCatalogue {
        rights = Set.copyOf(rights);
        everyIdentity = Set.copyOf(everyIdentity);
        levels = Map.copyOf(levels);
        endpoints = List.copyOf(endpoints);
    }

    /** One endpoint's requirement: a request matching method and path needs at least one of {@code anyOf}. */
    public record EndpointRule(String method, String path, List<String> anyOf) {
    }

    public boolean isKnownLevel(String level) {
        return levels.containsKey(level);
    }

    /** A scope a credential may be given: a declared right or one of the two special scopes. */
    public boolean isKnownScope(String scope) {
        return Scopes.ALL.equals(scope) || Scopes.DEFAULT.equals(scope) || rights.contains(scope);
    }

    /** Every right an identity holding these levels has. */
    public Set<String> rightsOf(Collection<String> heldLevels) {
        var held = new TreeSet<>(everyIdentity);
        for (String level : heldLevels) {
            Set<String> granted = levels.getOrDefault(level, Set.of());
            if (granted.contains(EVERY_RIGHT)) {
                return new TreeSet<>(rights);
            }
            held.addAll(granted);
        }
        return held;
    }

    /** What a credential with this scope may do while its owner holds these levels. */
    public Set<String> effectiveRights(Collection<String> scope, Collection<String> ownerLevels) {
        Set<String> ownerRights = rightsOf(ownerLevels);
        if (scope.contains(Scopes.ALL)) {
            return ownerRights;
        }
        var effective = new LinkedHashSet<String>();
        scope.stream().filter(ownerRights::contains).sorted().forEach(effective::add);
        return effective;
    }
}
