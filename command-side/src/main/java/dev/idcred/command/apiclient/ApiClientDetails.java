package dev.idcred.command.apiclient;

import dev.idcred.shared.apiclient.ApiClientSettings;

import java.time.Instant;

/** An API client as a command leaves it, for the command's response. */
public record ApiClientDetails(String clientId, String ownerId, String keyType, ApiClientSettings settings,
                               Instant createdAt, Instant modifiedAt, Instant lastUsed, Instant expiresAt) {
}
