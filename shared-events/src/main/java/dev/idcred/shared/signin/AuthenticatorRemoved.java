package dev.idcred.shared.signin;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/** A person's authenticator app and its recovery codes no longer sign them in. */
@Revision("1")
public record AuthenticatorRemoved(String identityId, Instant removedAt) {
}
