package dev.idcred.command.oauth;

/** A token request refused with an RFC 6749 error code (and, when throttled, the seconds to wait). */
class TokenRequestRefused extends RuntimeException {

    private final int status;
    private final String error;
    private final long retryAfterSeconds;

    TokenRequestRefused(int status, String error, String description) {
        this(status, error, description, 0);
    }

    private TokenRequestRefused(int status, String error, String description, long retryAfterSeconds) {
        super(description, null, false, false);
        this.status = status;
        this.error = error;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    /** RFC 6749's {@code invalid_grant}: the refresh token is not (or no longer) valid. */
    static TokenRequestRefused invalidGrant(String description) {
        return new TokenRequestRefused(400, "invalid_grant", description);
    }

    /** A personal access token used from outside its owner's network rules (answered with the error body too). */
    static TokenRequestRefused outsideNetworkRules(String description) {
        return new TokenRequestRefused(403, "access_denied", description);
    }

    static TokenRequestRefused invalidClient() {
        return new TokenRequestRefused(401, "invalid_client", "Client authentication failed");
    }

    /** Too many failed authentications of this client or from this address: 429 until the minute has passed. */
    static TokenRequestRefused throttled(long retryAfterSeconds) {
        return new TokenRequestRefused(429, "slow_down", "Too many failed client authentications; retry later",
                retryAfterSeconds);
    }

    int status() {
        return status;
    }

    String error() {
        return error;
    }

    long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
