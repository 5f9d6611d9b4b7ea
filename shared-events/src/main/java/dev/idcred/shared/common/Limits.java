package dev.idcred.shared.common;

/** The bounds of what the service accepts and gives, each declared once. */
public final class Limits {

    /** The longest an access token lives; a revocation is remembered until every token it names has expired. */
    public static final int MAX_ACCESS_TOKEN_VALIDITY_SECONDS = 86_400;
    /** The largest request body any endpoint reads. */
    public static final int MAX_REQUEST_BYTES = 64 * 1024;
    public static final int MAX_REDIRECT_URIS = 20;
    public static final int MAX_URL_LENGTH = 2_000;
    public static final int MAX_SCOPES = 100;
    public static final int MAX_ALLOWED_CIDRS = 100;
    public static final int MAX_ALLOWED_COUNTRIES = 250;

    private Limits() {
    }
}
