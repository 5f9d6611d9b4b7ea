package dev.idcred.shared.apiclient;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

/** Create an API client owned by {@code ownerId}; only the keyed hash of its secret travels. */
public record CreateApiClient(@NotBlank String clientId, @NotBlank String ownerId, String keyType,
                              @NotNull @Valid ApiClientSettings settings, @NotBlank String secretHash) {
}
