package com.example.credentials.command.oauth;

/** A token request refused with an RFC 6749 error code. */
class TokenRequestRefused extends RuntimeException {

    private final int status;
    private final String error;

    TokenRequestRefused(int status, String error, String description) {
        super(description, null, false, false);
        this.status = status;
        this.error = error;
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
