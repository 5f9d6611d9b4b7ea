package dev.idcred.shared.apiclient;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import java.time.Instant;

/**
 * Create an API client owned by {@code ownerId}; only the keyed hash of its secret travels. {@code expiresAt}, if
 * given, is when it stops working.
 */
public record CreateApiClient(@NotBlank String clientId, @NotBlank String ownerId, String keyType,
                              @NotNull @Valid ApiClientSettings settings, @NotBlank String secretHash,
                              Instant expiresAt) {
}
