package dev.idcred.shared.hygiene;

import dev.idcred.shared.usage.CredentialKind;

import java.time.Instant;

/** What a credential could do and did between {@code from} and {@code to}: the exposure report. */
public record FindExposure(String credentialId, CredentialKind kind, Instant from, Instant to) {
}
