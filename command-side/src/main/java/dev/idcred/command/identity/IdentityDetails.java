package dev.idcred.command.identity;

import dev.idcred.shared.common.IdentityKind;
import dev.idcred.shared.common.NetworkRules;

import java.time.Instant;
import java.util.Set;

/** An identity as a command leaves it, for the command's response. */
public record IdentityDetails(String identityId, String name, String username, IdentityKind kind,
                              Instant tenantAccessExpiresAt, NetworkRules networkRules, Set<String> levels,
                              Instant createdAt, Instant modifiedAt) {
}
