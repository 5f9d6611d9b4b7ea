package dev.idcred.shared.token;

import dev.idcred.shared.usage.CredentialKind;
import org.axonframework.serialization.Revision;

import java.time.Instant;

/**
 * A call made with a credential was refused because it came from outside its owner's network rules: from
 * {@code clientAddress} (and {@code country}, when a trusted proxy named one), on {@code request}.
 */
@Revision("1")
public record AccessRefused(String credentialId, CredentialKind kind, String identityId, String clientAddress,
                            String country, String reason, String request, Instant refusedAt) {
}
