package dev.idcred.shared.credential;

import java.time.Instant;

/**
 * An event that changes what a credential may do: its scope, grants, enabled state, secret, deletion, or a revoked
 * token. {@link CredentialFacts#fold} is the one place that knows what each such event means; every view of a
 * credential's access (the authorization table, the effective-scope view, time travel) folds these events with it.
 */
public interface CredentialEvent {

    /** The API client or personal access token this event concerns. */
    String credentialId();

    /** The business instant the change took effect. */
    Instant occurredAt();
}
