package dev.idcred.command.pat;

import java.time.Instant;
import java.util.List;

/** A personal access token as a command leaves it, for the command's response. */
public record PatDetails(String tokenId, String ownerId, String ownerName, String name, List<String> scope,
                         int accessTokenValiditySeconds, Instant createdAt, Instant lastUsed, Instant expiresAt) {
}
