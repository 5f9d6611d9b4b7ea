package com.example.credentials.shared.scope;

import com.example.credentials.shared.usage.CredentialKind;

import java.time.Instant;

/** What a credential could do at an instant, computed from the event log. */
public record FindEffectiveScopeAt(String credentialId, CredentialKind kind, Instant at) {
}
