package dev.idcred.shared.scope;

import dev.idcred.shared.usage.CredentialKind;

import java.time.Instant;

/** What a credential could do at an instant, computed from the event log. */
public record FindEffectiveScopeAt(String credentialId, CredentialKind kind, Instant at) {
}
