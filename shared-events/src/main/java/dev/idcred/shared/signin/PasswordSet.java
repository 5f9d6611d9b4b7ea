package dev.idcred.shared.signin;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/**
 * An identity's password was chosen, with the invitation {@code invitationId} (null: from the operator's
 * {@code BOOTSTRAP_ADMIN_PASSWORD}). The password's slow hash is kept beside the log, never in it.
 */
@Revision("1")
public record PasswordSet(String identityId, String invitationId, Instant setAt) {
}
