package dev.idcred.shared.audit;

import dev.idcred.shared.common.PageRequest;

import java.time.Instant;

/** The event log read back as the audit trail, oldest first; every filter is optional. */
public record ListAuditEvents(String subjectId, String actorId, Instant from, Instant to, PageRequest page) {
}
