package dev.idcred.console;

/**
 * The API answered 401: the credential does not authenticate (at sign-in, a wrong secret; afterwards, a token that no
 * longer counts: expired, revoked, deleted). Not an {@link ApiProblem}, so no page that shows refusals in place
 * catches it: every page signs out alike.
 */
public class NotAuthenticated extends RuntimeException {

    public NotAuthenticated(String message) {
        super(message);
    }
}
