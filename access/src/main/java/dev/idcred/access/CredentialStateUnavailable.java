package dev.idcred.access;

/**
 * A side cannot yet say what a token is worth: its view of the credential lags a change that may revoke it. The call
 * answers 503 with the error body and {@code Retry-After}, rather than with what may be a revoked token's rights.
 */
public class CredentialStateUnavailable extends RuntimeException {

    public CredentialStateUnavailable(String message) {
        super(message, null, false, false);
    }
}
