package dev.idcred.shared.hygiene;

import dev.idcred.shared.usage.CredentialKind;

/**
 * A scanner found the secret whose keyed hash is {@code secretHash}, of this credential, at {@code sourceUrl}.
 * Answers whether the credential was stopped by this report ({@code true}) or the secret was no longer valid.
 */
public record ReportLeak(String credentialId, CredentialKind kind, String secretHash, String reporterId,
                         String sourceUrl) {
}
