package dev.idcred.shared.signin;

import dev.idcred.shared.common.AboutSubject;
import org.axonframework.serialization.Revision;

import java.time.Instant;

/** A person signed in with one of their recovery codes, which is spent; {@code remaining} are left. */
@Revision("1")
public record RecoveryCodeUsed(String identityId, int remaining, Instant usedAt) implements AboutSubject {
    @Override
    public String subjectId() {
        return identityId;
    }
}
