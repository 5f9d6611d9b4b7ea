package dev.idcred.shared.usage;

import java.time.Instant;

/**
 * A credential obtained access tokens: the first in a minute at once (so {@code lastUsed} is fresh), the rest of the
 * minute as one tally after it ends. {@code usedAt} is the last use the tally counts.
 */
public record RecordUsage(String credentialId, CredentialKind kind, Instant usedAt, Usage usage) {
}
