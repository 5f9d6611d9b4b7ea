package com.example.credentials.shared.scope;

import com.example.credentials.shared.usage.CredentialKind;

/** What a credential may do now: its scope ∩ the rights of its owner's current user levels. */
public record FindEffectiveScope(String credentialId, CredentialKind kind) {
}
