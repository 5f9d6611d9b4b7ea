package dev.idcred.access.gate;

import dev.idcred.shared.common.RightsCatalogue;
import dev.idcred.shared.common.Scopes;
import dev.idcred.shared.credential.CredentialAccess;
import dev.idcred.shared.credential.CredentialStates;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Decides what a signed, unexpired access token is worth now, from its credential as the authorization table holds it
 * (one query by primary key, in step with the log on every instance of either side). The token is dead once its
 * credential is deleted, disabled (then for good: enabling it again revives no earlier token) or its owner's tenant
 * access has ended, or once the token or its refresh family was revoked; alive, it carries the rights it was issued
 * with that the credential still has. {@link CredentialAccess} decides; this class only asks.
 */
@Component
public class AccessTokenGate {

    /** A live token: its credential now, and the rights it may use now. */
    public record LiveToken(CredentialAccess credential, Set<String> rights) {
    }

    private final CredentialStates states;
    private final RightsCatalogue catalogue;
    private final Clock clock;

    public AccessTokenGate(CredentialStates states, RightsCatalogue catalogue, Clock clock) {
        this.states = states;
        this.catalogue = catalogue;
        this.clock = clock;
    }

    public Optional<LiveToken> evaluate(Jwt token) {
        String credentialId = token.getSubject();
        if (credentialId == null) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        return states.credential(credentialId)
                .filter(credential -> credential.accepts(TokenClaims.issued(token), now))
                .map(credential -> new LiveToken(credential, intersection(rightsOf(token),
                        credential.rightsAt(now, catalogue))));
    }

    private static Set<String> rightsOf(Jwt token) {
        String scope = token.getClaimAsString(TokenClaims.SCOPE);
        if (scope == null || scope.isBlank()) {
            return Set.of();
        }
        return Arrays.stream(scope.trim().split("\\s+")).filter(right -> !Scopes.DEFAULT.equals(right))
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }

    private static Set<String> intersection(Set<String> issued, Set<String> current) {
        var rights = new LinkedHashSet<>(issued);
        rights.retainAll(current);
        return rights;
    }
}
