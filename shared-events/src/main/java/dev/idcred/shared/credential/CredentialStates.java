package dev.idcred.shared.credential;

import java.util.List;
import java.util.Optional;

/**
 * The authorization table: every live credential and every identity as the log leaves them, written in the same
 * transaction as the events that change them. Every call with a token, every token request and every rule that
 * needs another aggregate's facts reads it, on either side, so what it answers is never behind the log.
 */
public interface CredentialStates {

    /** A live credential with its owner; empty once it is deleted, or if it never existed. */
    Optional<CredentialAccess> credential(String credentialId);

    Optional<OwnerFacts> identity(String identityId);

    /** Every live credential an identity owns, in id order. */
    List<CredentialFacts> credentialsOwnedBy(String ownerId);
}
