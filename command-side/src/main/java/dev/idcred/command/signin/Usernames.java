package dev.idcred.command.signin;

import java.util.Optional;

/**
 * The register of usernames, case-insensitive and unique across the tenant, written in the transaction of the
 * command that claims or frees one.
 */
public interface Usernames {

    /** Claims {@code username} for {@code identityId}, freeing the identity's earlier one; false if another holds it. */
    boolean claim(String username, String identityId);

    /** Frees the identity's username, if it has one. */
    void release(String identityId);

    /** The identity that holds {@code username}, compared case-insensitively. */
    Optional<String> holderOf(String username);

    /** The identity's username as it was given, if it has one. */
    Optional<String> usernameOf(String identityId);
}
