package dev.idcred.access;

import dev.idcred.shared.common.Scopes;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Decides what a signed, unexpired access token is worth now. It is dead once its credential is deleted or
 * disabled, its owner's tenant access has ended, or the token (or its refresh-token family) was revoked; alive, it
 * carries the rights it was issued with that the credential still has today. So a deletion, a disablement, a
 * revoked level or an expiry stops tokens issued earlier at once, not when they expire.
 */
@Component
public class AccessTokenGate {

    /** A live token: its credential now, and the rights it may use now. */
    public record LiveToken(CredentialState credential, Set<String> rights) {
    }

    private final CredentialStates states;
    private final Clock clock;

    @Autowired
    public AccessTokenGate(CredentialStates states) {
        this(states, Clock.systemUTC());
    }

    AccessTokenGate(CredentialStates states, Clock clock) {
        this.states = states;
        this.clock = clock;
    }

    public Optional<LiveToken> evaluate(Jwt token) {
        String credentialId = token.getSubject();
        if (credentialId == null) {
            return Optional.empty();
        }
        List<String> tokenIds = Stream.of(token.getId(), token.getClaimAsString(TokenClaims.FAMILY_ID))
                .filter(id -> id != null && !id.isBlank()).toList();
        Set<String> issued = rightsOf(token);
        return states.find(credentialId, tokenIds)
                .filter(state -> state.usableAt(clock.instant()))
                .map(state -> new LiveToken(state, state.seen() ? intersection(issued, state.rights()) : issued));
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
