package dev.idcred.console;

import java.io.Serial;
import java.io.Serializable;
import java.time.Instant;
import java.util.Set;

/**
 * Who is signed in to the console: the credential (a PAT or an API client) whose ID and secret were given, the
 * identity it acts for, the rights its access token carries, and that token, which lives only in the server-side
 * session and is never sent to the browser. The secret itself is not kept: when the token expires, the person signs
 * in again.
 */
public record SignedIn(String clientId, String identityId, String kind, Set<String> rights, String accessToken,
                       Instant expiresAt) implements Serializable {

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

    public boolean isPersonalAccessToken() {
        return "PERSONAL_ACCESS_TOKEN".equals(kind);
    }

    @Override
    public String toString() {
        return "SignedIn[clientId=" + clientId + ", identityId=" + identityId + ", kind=" + kind + "]";
    }
}
