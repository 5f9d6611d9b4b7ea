package dev.idcred.shared.pat;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/** A token obtained an access token; written at most once per token per minute. */
@Revision("1")
public record PersonalAccessTokenUsed(String tokenId, Instant usedAt) {
}
