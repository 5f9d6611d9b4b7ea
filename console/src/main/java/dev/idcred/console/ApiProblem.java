package dev.idcred.console;

/**
 * The API refused a call: its status and the message of its error body, for the page to show in words. (A 401 is
 * {@link NotAuthenticated} instead.)
 */
public class ApiProblem extends RuntimeException {

    private final int status;

    public ApiProblem(int status, String message) {
        super(message);
        this.status = status;
    }

    public int status() {
        return status;
    }

    public boolean isForbidden() {
        return status == 403;
    }

    /** A sentence for the page: what went wrong, in the API's own words where it gave some. */
    public String explanation() {
        return switch (status) {
            case 403 -> "You do not have the rights for this. " + getMessage();
            case 404 -> "Not found. " + getMessage();
            case 409 -> "That conflicts with what exists. " + getMessage();
            case 429 -> "Too many attempts; wait a minute. " + getMessage();
            case 502, 503, 504 -> "The service is not answering right now; try again shortly.";
            default -> getMessage();
        };
    }
}
