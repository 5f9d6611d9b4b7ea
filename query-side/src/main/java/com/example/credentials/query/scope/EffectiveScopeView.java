package com.example.credentials.query.scope;

import java.time.Instant;
import java.util.List;

/**
 * The rights a credential held at {@code at}. {@code state} says whether it existed then: {@code ACTIVE},
 * {@code NOT_YET_CREATED} or {@code DELETED}; outside {@code ACTIVE} the scope and rights are empty.
 */
public record EffectiveScopeView(String id, List<String> scope, List<String> rights, Instant at, String state,
                                 String ownerId) {

    public static final String ACTIVE = "ACTIVE";
    public static final String NOT_YET_CREATED = "NOT_YET_CREATED";
    public static final String DELETED = "DELETED";
}
