package dev.idcred.shared.credential;

import dev.idcred.shared.usage.CredentialKind;
import org.axonframework.serialization.Revision;

import java.time.Instant;

/**
 * A credential reached its {@code expiresAt}: from that instant it obtained no token and its tokens stopped (its
 * facts' expiry says so by itself); this records it once, when noticed ({@code notedAt}).
 */
@Revision("1")
public record CredentialExpired(String credentialId, CredentialKind kind, String ownerId, Instant expiresAt,
                                Instant notedAt) implements CredentialEvent {

    @Override
    public Instant occurredAt() {
        return notedAt;
    }
}
