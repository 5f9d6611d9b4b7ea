package dev.idcred.shared.identity;

import dev.idcred.shared.common.IdentityKind;
import dev.idcred.shared.common.NetworkRules;
import jakarta.validation.constraints.NotBlank;

import java.time.Instant;

/**
 * Register a person or vendor account of the tenant. Vendor accounts need a tenant-access expiry; {@code username}
 * (unique ignoring case) is what it signs in with, and may be given later.
 */
public record CreateIdentity(@NotBlank String identityId, String name, IdentityKind kind,
                             Instant tenantAccessExpiresAt, NetworkRules networkRules, String username) {
}
