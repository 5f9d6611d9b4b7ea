package dev.idcred.console;

import java.io.Serial;
import java.io.Serializable;
import java.time.Instant;
import java.util.Set;

/**
 * Who is signed in to the console: a person who signed in at the service (the console is then the client, and
 * {@code refreshToken} keeps them signed in), or the credential (a PAT or an API client) whose ID and secret were
 * given; the identity the token acts for and their name, the rights the access token carries, and the tokens, which
 * live only in the server-side session and are never sent to the browser. A secret is never kept: when a
 * credential's token expires, its holder signs in again.
 */
public record SignedIn(String clientId, String identityId, String kind, Set<String> rights, String accessToken,
                       Instant expiresAt, String name, String refreshToken) implements Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    public boolean holds(String right) {
        return rights.contains(right);
    }

    public boolean holdsAny(String... anyOf) {
        for (String right : anyOf) {
            if (rights.contains(right)) {
                return true;
            }
        }
        return false;
    }

    /** A person signed in at the service, rather than a credential's ID and secret. */
    public boolean isPerson() {
        return refreshToken != null || kind != null && kind.startsWith("PERSON");
    }

    /** A support or services account signed in as a person. */
    public boolean isVendorAccount() {
        return "PERSON:SUPPORT".equals(kind) || "PERSON:SERVICES".equals(kind);
    }

    /** The same person with new tokens. */
    SignedIn refreshed(String newAccessToken, Instant newExpiry, String newRefreshToken, Set<String> newRights) {
        return new SignedIn(clientId, identityId, kind, newRights, newAccessToken, newExpiry, name, newRefreshToken);
    }

    public boolean isPersonalAccessToken() {
        return "PERSONAL_ACCESS_TOKEN".equals(kind);
    }

    @Override
    public String toString() {
        return "SignedIn[clientId=" + clientId + ", identityId=" + identityId + ", kind=" + kind + "]";
    }
}
