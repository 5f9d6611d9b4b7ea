package dev.idcred.shared.token;

import dev.idcred.shared.common.AboutSubject;
import dev.idcred.shared.usage.CredentialKind;
import org.axonframework.serialization.Revision;

import java.time.Instant;

/**
 * Calls made with a credential were refused because they came from outside its owner's network rules. One event
 * stands for {@code count} refusals of one {@code rule} ({@code NETWORK} or {@code COUNTRY}) within one minute, the
 * first described by {@code clientAddress}, {@code country} (when a trusted proxy named one), {@code reason} and
 * {@code request} (its method and path, cut to a bounded length); {@code refusedAt} is the last one's instant.
 */
@Revision("2")
public record AccessRefused(String credentialId, CredentialKind kind, String identityId, String rule,
                            String clientAddress, String country, String reason, String request, int count,
                            Instant refusedAt) implements AboutSubject {
    @Override
    public String subjectId() {
        return credentialId;
    }
}
