package dev.idcred.access.gate;

import java.util.Set;

/**
 * Who is calling: the identity a bearer token acts for, the credential that obtained the token, and the effective
 * rights the token carries. Controllers take it as a parameter.
 */
public record Caller(String identityId, String clientId, Set<String> rights) {

    public boolean holds(String right) {
        return rights.contains(right);
    }

    /** Resolves {@code me} to the caller's own identity id. */
    public String resolve(String identityIdOrMe) {
        return "me".equals(identityIdOrMe) ? identityId : identityIdOrMe;
    }
}
