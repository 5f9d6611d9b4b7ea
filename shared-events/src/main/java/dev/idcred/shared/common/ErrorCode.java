package dev.idcred.shared.common;

/**
 * Every rule the service can refuse a request for, with the HTTP status and the {@code detailCode} the API's error
 * body carries. The REST layer turns a code into the error body; the domain only names the code.
 */
public enum ErrorCode {
    MALFORMED_REQUEST(400, "400.0 Bad Request"),
    INVALID_VALUE(400, "400.1 Bad Request Content"),
    UNKNOWN_SCOPE(400, "400.1.1 Unknown scope"),
    REDIRECT_URI_REQUIRED(400, "400.1.2 Redirect URI required"),
    PAT_LIMIT_REACHED(400, "400.1.3 Personal access token limit reached"),
    VIRTUAL_APPLIANCE_KEY_PROTECTED(400, "400.1.4 Virtual appliance key"),
    UNKNOWN_USER_LEVEL(400, "400.1.5 Unknown user level"),
    INVITATION_NOT_VALID(400, "400.1.6 Invitation used, expired or superseded"),
    PASSWORD_REFUSED(400, "400.1.7 Password refused"),
    UNAUTHORIZED(401, "401 Unauthorized"),
    FORBIDDEN(403, "403 Forbidden"),
    CREATOR_MAY_NOT_OWN_API_CLIENTS(403, "403.1 Creator may not own API clients"),
    NETWORK_NOT_ALLOWED(403, "403.2 Network not allowed"),
    NOT_FOUND(404, "404 Not found"),
    METHOD_NOT_ALLOWED(405, "405 Method not allowed"),
    CONFLICT(409, "409 Conflict"),
    PAT_NAME_TAKEN(409, "409.1 Personal access token name taken"),
    USERNAME_TAKEN(409, "409.2 Username taken"),
    PAYLOAD_TOO_LARGE(413, "413 Payload too large"),
    UNSUPPORTED_MEDIA_TYPE(415, "415 Unsupported media type"),
    TOO_MANY_REQUESTS(429, "429 Too many requests"),
    INTERNAL_ERROR(500, "500 Internal fault"),
    READ_SIDE_BEHIND(503, "503 Read side catching up");

    private final int httpStatus;
    private final String detailCode;

    ErrorCode(int httpStatus, String detailCode) {
        this.httpStatus = httpStatus;
        this.detailCode = detailCode;
    }

    /** The detail code of the first code with this status, or the bare status: what a framework-level error shows. */
    public static String detailCodeFor(int httpStatus) {
        for (ErrorCode code : values()) {
            if (code.httpStatus == httpStatus) {
                return code.detailCode;
            }
        }
        return String.valueOf(httpStatus);
    }

    public int httpStatus() {
        return httpStatus;
    }

    public String detailCode() {
        return detailCode;
    }
}
