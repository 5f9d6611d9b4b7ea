package dev.idcred.shared.credential;

import java.time.Instant;

/**
 * An event that changes what a credential may do: its scope, grants, enabled state, secret, deletion, or a revoked
 * token. {@link CredentialFacts#fold} is the one place that knows what each such event means; every view of a
 * credential's access (the authorization table, the effective-scope view, time travel) folds these events with it.
 * <p>
 * Sealed: an event added here is a compile error in the fold and in every other {@code switch} over credential events
 * until each says what it means. Usage and deletion are the same for both kinds ({@link CredentialUsed},
 * {@link CredentialDeleted}).
 */
public sealed interface CredentialEvent permits ApiClientCreated, ApiClientUpdated, PersonalAccessTokenCreated,
        PersonalAccessTokenUpdated, CredentialUsed, CredentialDeleted, SecretRotated, CredentialLeaked, CredentialExpiringSoon, CredentialExpired, CredentialUnusedWarning,
        AccessTokenRevoked, RefreshTokenFamilyRevoked {

    /** The API client or personal access token this event concerns. */
    String credentialId();

    /** The business instant the change took effect. */
    Instant occurredAt();
}
