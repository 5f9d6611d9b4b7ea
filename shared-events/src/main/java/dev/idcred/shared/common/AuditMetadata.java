package dev.idcred.shared.common;

/** Metadata keys every command carries and every event inherits, so the log tells who did what. */
public final class AuditMetadata {
    /** The identity that issued the command, or {@link #SYSTEM} for work the service does by itself. */
    public static final String ACTOR_ID = "actorId";
    public static final String SYSTEM = "system";
    /** The credential whose access token the command came with (absent for the service's own work). */
    public static final String ACTOR_CREDENTIAL_ID = "actorCredentialId";

    private AuditMetadata() {
    }
}
