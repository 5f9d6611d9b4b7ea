package dev.idcred.shared.credential;

import dev.idcred.shared.usage.Usage;
import org.axonframework.serialization.Revision;

import java.time.Instant;

/**
 * A personal access token obtained access tokens; {@code usage} tallies them (null in events written before tallies:
 * one token).
 */
@Revision("1")
public record PersonalAccessTokenUsed(String tokenId, Instant usedAt, Usage usage) implements CredentialUsed {

    @Override
    public String credentialId() {
        return tokenId;
    }

    @Override
    public Usage tally() {
        return usage == null ? Usage.single() : usage;
    }
}
