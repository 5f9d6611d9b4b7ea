package dev.idcred.shared.usage;

/** A credential obtained an access token at {@code usedAt}. Sent at most once per credential per minute. */
public record RecordUsage(String credentialId, CredentialKind kind, java.time.Instant usedAt) {
}
