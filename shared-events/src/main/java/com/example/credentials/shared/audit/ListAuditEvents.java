package com.example.credentials.shared.audit;

import com.example.credentials.shared.common.PageRequest;

import java.time.Instant;

/** The event log read back as the audit trail, oldest first; every filter is optional. */
public record ListAuditEvents(String subjectId, String actorId, Instant from, Instant to, PageRequest page) {
}
