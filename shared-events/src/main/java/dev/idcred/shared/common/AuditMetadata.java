package dev.idcred.shared.common;

/** Metadata keys every command carries and every event inherits, so the log tells who did what. */
public final class AuditMetadata {
    /** The identity that issued the command, or {@link #SYSTEM} for work the service does by itself. */
    public static final String ACTOR_ID = "actorId";
    public static final String SYSTEM = "system";

    private AuditMetadata() {
    }
}
