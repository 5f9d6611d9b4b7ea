package dev.idcred.shared.hygiene;

import dev.idcred.shared.usage.CredentialKind;

/** A live credential's secret versions (never their hashes) and its expiry. */
public record FindSecretVersions(String credentialId, CredentialKind kind) {
}
