package dev.idcred.access.gate;

import dev.idcred.shared.common.NetworkRules;
import dev.idcred.shared.common.RightsCatalogue;
import dev.idcred.shared.common.Scopes;
import dev.idcred.shared.credential.CredentialAccess;
import dev.idcred.shared.credential.CredentialStates;
import dev.idcred.shared.credential.DelegatedAccess;
import dev.idcred.shared.credential.IssuedToken;
import dev.idcred.shared.credential.OwnerFacts;
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
 * with that the credential still has. A token a client obtained for a person ({@code sub} the person,
 * {@code client_id} the client) also needs the person and their consent as {@link DelegatedAccess} says.
 * {@link CredentialAccess} and {@link DelegatedAccess} decide; this class only asks.
 */
@Component
public class AccessTokenGate {

    /**
     * A live token: its credential now, the rights it may use now, the identity it acts for (the credential's owner,
     * or the person a client acts for) and the network rules its calls obey.
     */
    public record LiveToken(CredentialAccess credential, Set<String> rights, OwnerFacts actingFor,
                            NetworkRules networkRules) {
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
        String credentialId = TokenClaims.credentialId(token);
        if (credentialId == null || token.getSubject() == null) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        IssuedToken issued = TokenClaims.issued(token);
        if (TokenClaims.delegated(token)) {
            return states.credential(credentialId)
                    .map(client -> new DelegatedAccess(client, states.identity(token.getSubject()).orElse(null)))
                    .filter(delegation -> delegation.accepts(issued, now))
                    .map(delegation -> new LiveToken(delegation.client(), intersection(rightsOf(token),
                            delegation.rightsAt(now, catalogue)), delegation.person(),
                            delegation.person().networkRules()));
        }
        return states.credential(credentialId)
                .filter(credential -> credential.accepts(issued, now))
                .map(credential -> new LiveToken(credential, intersection(rightsOf(token),
                        credential.rightsAt(now, catalogue)), credential.owner(), credential.networkRules()));
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
