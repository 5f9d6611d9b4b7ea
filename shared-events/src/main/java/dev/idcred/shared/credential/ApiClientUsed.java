package dev.idcred.shared.credential;

import dev.idcred.shared.usage.Usage;
import org.axonframework.serialization.Revision;

import java.time.Instant;

/**
 * An API client obtained access tokens; {@code usage} tallies them (null in events written before tallies: one
 * token).
 */
@Revision("1")
public record ApiClientUsed(String clientId, Instant usedAt, Usage usage) implements CredentialUsed {

    @Override
    public String credentialId() {
        return clientId;
    }

    @Override
    public Usage tally() {
        return usage == null ? Usage.single() : usage;
    }
}
