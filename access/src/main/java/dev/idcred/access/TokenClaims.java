package dev.idcred.access;

/** The claims of the access tokens this service issues, beyond the registered JWT claims. */
public final class TokenClaims {
    /** The identity the token acts for: the credential's owner. */
    public static final String IDENTITY_ID = "identity_id";
    /** Space-separated effective rights, as in RFC 8693's scope claim. */
    public static final String SCOPE = "scope";
    /** {@code API_CLIENT} or {@code PERSONAL_ACCESS_TOKEN}. */
    public static final String CREDENTIAL_KIND = "credential_kind";
    /** The refresh-token family an access token was issued in, if any: revoking the family stops the token. */
    public static final String FAMILY_ID = "fid";
    public static final String ISSUER = "credential-service";

    private TokenClaims() {
    }
}
