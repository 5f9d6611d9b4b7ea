package dev.idcred.shared.credential;

import dev.idcred.shared.usage.CredentialKind;

import java.time.Instant;

/** A credential of either kind is gone for good; its secret no longer obtains tokens and its tokens stop. */
public sealed interface CredentialDeleted extends CredentialEvent permits ApiClientDeleted, PersonalAccessTokenDeleted {

    String ownerId();

    Instant deletedAt();

    CredentialKind kind();

    @Override
    default Instant occurredAt() {
        return deletedAt();
    }
}
