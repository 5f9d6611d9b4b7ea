package dev.idcred.shared.signin;

import dev.idcred.shared.common.AboutSubject;
import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.List;

/**
 * A person signed in: with what ({@code password}, then {@code otp} or {@code recovery-code}), and from which address.
 */
@Revision("1")
public record IdentitySignedIn(String identityId, List<String> methods, String clientAddress, Instant signedInAt)
        implements AboutSubject {
    @Override
    public String subjectId() {
        return identityId;
    }
}
