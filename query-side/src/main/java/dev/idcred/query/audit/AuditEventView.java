package dev.idcred.query.audit;

import java.time.Instant;
import java.util.Map;

/** One entry of the audit trail: an event of the log, who caused it, what it concerned, and its non-secret details. */
public record AuditEventView(String id, String type, Instant timestamp, String actorId, String subjectId,
                             Map<String, Object> details) {
}
