package dev.idcred.shared.common;

import java.util.LinkedHashSet;
import java.util.List;

/** The two special scopes, and the seed's rule that no scope selected means the default scope. */
public final class Scopes {

    /** All rights granted by the owner's current user levels, following later grants and revocations. */
    public static final String ALL = "sp:scopes:all";
    /** Only endpoints that need no authorization. */
    public static final String DEFAULT = "sp:scopes:default";
    /** OpenID Connect: the token request answers an ID token too. */
    public static final String OPENID = "openid";
    /** OpenID Connect: the ID token and userinfo carry the person's name and username. */
    public static final String PROFILE = "profile";
    /** The scopes of the protocol, which are no rights: what a client may ask for besides rights. */
    public static final java.util.Set<String> PROTOCOL = java.util.Set.of(OPENID, PROFILE);

    private Scopes() {
    }

    /** Drops blanks and duplicates, keeps order; an empty selection becomes {@link #DEFAULT}. */
    public static List<String> normalize(List<String> requested) {
        var kept = new LinkedHashSet<String>();
        if (requested != null) {
            requested.stream().filter(s -> s != null && !s.isBlank()).map(String::trim).forEach(kept::add);
        }
        return kept.isEmpty() ? List.of(DEFAULT) : List.copyOf(kept);
    }
}
