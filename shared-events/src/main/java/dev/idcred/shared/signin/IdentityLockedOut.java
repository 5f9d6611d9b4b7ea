package dev.idcred.shared.signin;

import dev.idcred.shared.common.AboutSubject;
import org.axonframework.serialization.Revision;

import java.time.Instant;

/** Too many failed sign-ins: the identity signs in with nothing until {@code lockedUntil}. */
@Revision("1")
public record IdentityLockedOut(String identityId, int failures, Instant lockedUntil, Instant lockedAt)
        implements AboutSubject {
    @Override
    public String subjectId() {
        return identityId;
    }
}
