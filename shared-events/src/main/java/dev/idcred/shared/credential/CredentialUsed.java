package dev.idcred.shared.credential;

import dev.idcred.shared.usage.Usage;

import java.time.Instant;

/** A credential obtained access tokens: the usage both kinds record, at most once a credential-minute. */
public sealed interface CredentialUsed extends CredentialEvent permits ApiClientUsed, PersonalAccessTokenUsed {

    Instant usedAt();

    /** The tokens this event counts (one for events written before tallies). */
    Usage tally();

    @Override
    default Instant occurredAt() {
        return usedAt();
    }
}
