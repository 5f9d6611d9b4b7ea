package dev.idcred.access;

import java.util.Collection;
import java.util.Optional;

/**
 * Where each side looks up a credential's current state for every call made with a token: the command side in its
 * directory (in step with the log), the query side in its effective-scope view.
 */
public interface CredentialStates {

    /** The credential now, with those of {@code tokenIds} that were revoked; empty when it is deleted or unknown. */
    Optional<CredentialState> find(String credentialId, Collection<String> tokenIds);
}
