package dev.idcred.shared.pat;

/**
 * Who asks to change a token: an identity, and whether it may manage every identity's tokens
 * ({@code idn:all-personal-access-tokens:manage}) or only its own.
 */
public record TokenActor(String identityId, boolean managesAllTokens) {

    /** The service itself, acting on rules such as a tenant-access expiry. */
    public static TokenActor system() {
        return new TokenActor("system", true);
    }

    public boolean mayManageTokensOf(String ownerId) {
        return managesAllTokens || identityId.equals(ownerId);
    }
}
