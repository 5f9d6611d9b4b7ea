package dev.idcred.shared.token;

/** What became of a presented refresh token. */
public enum RefreshOutcome {
    /** It was the family's current token: a new one replaces it. */
    ROTATED,
    /** It was already rotated: someone replays it, so the whole family is now revoked. */
    REUSED,
    /** It is past its validity. */
    EXPIRED,
    /** The family was revoked earlier. */
    REVOKED,
    /** It does not belong to the family. */
    UNKNOWN
}
