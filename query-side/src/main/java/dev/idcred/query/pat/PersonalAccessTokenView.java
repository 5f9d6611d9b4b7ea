package dev.idcred.query.pat;

import java.time.Instant;
import java.util.List;

/** The v3 API's personal access token body, with its owner and when it was last used. */
public record PersonalAccessTokenView(String id, String name, List<String> scope, Owner owner, Instant created,
                                      Instant lastUsed, int accessTokenValiditySeconds, boolean managed,
                                      Instant expiresAt) {

    public record Owner(String type, String id, String name) {
    }
}
