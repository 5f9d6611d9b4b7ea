package dev.idcred.shared.appliance;

import jakarta.validation.constraints.NotBlank;

/** Register a virtual appliance and, with it, its VA key (an API client of key type VA). */
public record CreateVirtualAppliance(@NotBlank String applianceId, String name, @NotBlank String ownerId,
                                     @NotBlank String keyClientId, @NotBlank String keySecretHash) {
}
