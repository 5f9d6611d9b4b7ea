package dev.idcred.shared.signin;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/**
 * A one-time invitation to choose a password was made for an identity; it supersedes every earlier one. The link's
 * secret is derived from {@code invitationId} under the service's pepper, so the log holds no secret.
 */
@Revision("1")
public record InvitationIssued(String identityId, String invitationId, Instant expiresAt, Instant issuedAt) {
}
