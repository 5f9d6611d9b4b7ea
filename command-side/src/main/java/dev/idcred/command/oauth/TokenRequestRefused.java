package dev.idcred.command.oauth;

/** A token request refused with an RFC 6749 error code. */
class TokenRequestRefused extends RuntimeException {

    private final int status;
    private final String error;

    TokenRequestRefused(int status, String error, String description) {
        super(description, null, false, false);
        this.status = status;
        this.error = error;
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

    int status() {
        return status;
    }

    String error() {
        return error;
    }
}
