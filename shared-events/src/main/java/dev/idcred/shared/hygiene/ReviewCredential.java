package dev.idcred.shared.hygiene;

import dev.idcred.shared.usage.CredentialKind;

/**
 * Ask a credential to apply the tenant's hygiene rules as of now: warn of its coming expiry, note its expiry, warn of
 * its disuse, or act on it. Sent by the service's own scheduler; whatever is already done is not done again, so
 * several instances may send it for the same credential.
 */
public record ReviewCredential(String credentialId, CredentialKind kind) {
}
