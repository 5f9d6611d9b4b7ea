package dev.idcred.shared.pat;

import jakarta.validation.constraints.NotBlank;

import java.time.Instant;
import java.util.List;

/**
 * Create a personal access token for {@code ownerId}. {@code name} answers "what is this token for?";
 * an empty {@code scope} means the default scope; a null validity means the default of 43200 seconds; a null
 * {@code expiresAt} means no expiry unless the tenant sets a maximum lifetime.
 */
public record CreatePersonalAccessToken(@NotBlank String tokenId, @NotBlank String ownerId, String name,
                                        List<String> scope, Integer accessTokenValiditySeconds,
                                        @NotBlank String secretHash, Instant expiresAt) {
}
