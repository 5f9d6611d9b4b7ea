package dev.idcred.query.audit;

import dev.idcred.access.audit.AuditIndex;

import java.time.Instant;
import java.util.Map;

/**
 * One entry of the audit trail: an event of the log, who caused it (the identity, and the credential whose token it
 * used), what it concerned, and its non-secret details.
 */
public record AuditEventView(String id, String type, Instant timestamp, String actorId, String actorCredentialId,
                             String subjectId, Map<String, Object> details) {

    public static AuditEventView of(AuditIndex.Entry entry) {
        return new AuditEventView(entry.id(), entry.type(), entry.timestamp(), entry.actorId(),
                entry.actorCredentialId(), entry.subjectId(), entry.details());
    }
}
