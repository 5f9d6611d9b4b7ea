package dev.idcred.shared.token;

import dev.idcred.shared.common.AboutSubject;
import org.axonframework.serialization.Revision;

import java.time.Instant;

/**
 * Too many failed client authentications: from {@code clientAddress} (when {@code clientId} is null) or for
 * {@code clientId}, {@code failures} within a minute; every attempt is refused with 429 until {@code until}.
 */
@Revision("1")
public record ClientAuthenticationThrottled(String clientId, String clientAddress, int failures, Instant until,
                                            Instant throttledAt) implements AboutSubject {
    @Override
    public String subjectId() {
        return clientId != null ? clientId : clientAddress;
    }
}
