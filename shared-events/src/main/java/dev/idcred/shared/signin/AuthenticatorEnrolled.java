package dev.idcred.shared.signin;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/** A person confirmed an authenticator app (TOTP) with a first code; sign-in asks for its codes from now on. */
@Revision("1")
public record AuthenticatorEnrolled(String identityId, int recoveryCodes, Instant enrolledAt) {
}
