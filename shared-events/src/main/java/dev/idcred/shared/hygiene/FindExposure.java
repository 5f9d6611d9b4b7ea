package dev.idcred.shared.hygiene;

import dev.idcred.shared.usage.CredentialKind;

import java.time.Instant;

/**
 * What a credential could do and did between {@code from} and {@code to}: the exposure report. {@code ownedBy}, when
 * not null, is the only owner whose credential the asker may review (as the credential policy decides): another's
 * answers as not found, before its history is read.
 */
public record FindExposure(String credentialId, CredentialKind kind, Instant from, Instant to, String ownedBy) {

    /** The same report, for the credentials of every owner. */
    public FindExposure(String credentialId, CredentialKind kind, Instant from, Instant to) {
        this(credentialId, kind, from, to, null);
    }

    /** The same report, only if the credential is {@code ownerId}'s (null: whoever's it is). */
    public FindExposure ownedBy(String ownerId) {
        return new FindExposure(credentialId, kind, from, to, ownerId);
    }
}
