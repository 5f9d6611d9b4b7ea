package dev.idcred.shared.scope;

import dev.idcred.shared.usage.CredentialKind;

/** What a credential may do now: its scope ∩ the rights of its owner's current user levels. */
public record FindEffectiveScope(String credentialId, CredentialKind kind) {
}
