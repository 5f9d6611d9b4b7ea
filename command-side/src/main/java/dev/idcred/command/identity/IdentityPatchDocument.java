package dev.idcred.command.identity;

import dev.idcred.shared.common.NetworkRules;

import java.time.Instant;

/** The patchable fields of an identity, as a JSON Patch sees them. */
record IdentityPatchDocument(String name, String username, Instant tenantAccessExpiresAt, NetworkRules networkRules) {
}
