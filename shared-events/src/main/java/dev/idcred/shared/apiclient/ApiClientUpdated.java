package dev.idcred.shared.apiclient;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/** An API client's settings changed; carries all of them as they now are. */
@Revision("1")
public record ApiClientUpdated(String clientId, ApiClientSettings settings, Instant modifiedAt) {
}
