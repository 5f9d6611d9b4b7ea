package dev.idcred.shared.apiclient;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/** An API client obtained an access token; written at most once per client per minute. */
@Revision("1")
public record ApiClientUsed(String clientId, Instant usedAt) {
}
