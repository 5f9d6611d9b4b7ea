package dev.idcred.query.scope;

import java.time.Instant;
import java.util.List;

/**
 * The rights a credential held at {@code at}. {@code state} says whether it could be used then: {@code ACTIVE},
 * {@code DISABLED} (an API client switched off: its scope stands, its rights are empty), {@code NOT_YET_CREATED} or
 * {@code DELETED} (scope and rights empty).
 */
public record EffectiveScopeView(String id, List<String> scope, List<String> rights, Instant at, String state,
                                 String ownerId) {

    public static final String ACTIVE = "ACTIVE";
    public static final String DISABLED = "DISABLED";
    public static final String NOT_YET_CREATED = "NOT_YET_CREATED";
    public static final String DELETED = "DELETED";
}
