package dev.idcred.shared.credential;

import dev.idcred.shared.common.RightsCatalogue;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

/**
 * What a token an API client obtained for a person (the authorization-code grant) may do: the client must be usable
 * and must not have revoked the token, the person must still be of the tenant with their access, and their consent
 * to the client must stand as it was when the token was issued (a consent withdrawn, or given again later, ends the
 * earlier tokens). Its rights are the client's scope, judged against the person's levels now, within the consent.
 */
public record DelegatedAccess(CredentialAccess client, OwnerFacts person) {

    public boolean accepts(IssuedToken token, Instant now) {
        return client.usableAt(now) && !client.credential().revokedAny(token.ids())
                && !client.credential().issuedBeforeDisablement(token.issuedAt())
                && person != null && !person.accessEndedBy(now)
                && consent().filter(c -> token.issuedAt() != null && !token.issuedAt().isBefore(c.grantedAt()))
                .isPresent();
    }

    /** The rights the token may use now: the client's scope ∩ the person's levels ∩ the person's consent. */
    public Set<String> rightsAt(Instant now, RightsCatalogue catalogue) {
        if (person == null || person.accessEndedBy(now) || consent().isEmpty() || !client.usableAt(now)) {
            return Set.of();
        }
        var rights = new LinkedHashSet<>(catalogue.effectiveRights(client.credential().scope(), person.levels()));
        rights.retainAll(Set.copyOf(consent().get().scope()));
        return rights;
    }

    private Optional<OwnerFacts.Consent> consent() {
        return person == null ? Optional.empty()
                : Optional.ofNullable(person.consents().get(client.credential().credentialId()));
    }
}
