package dev.idcred.shared.audit;

import dev.idcred.shared.common.PageRequest;

import java.time.Instant;

/**
 * The event log read back as the audit trail, oldest first; every filter is optional: what it concerned
 * ({@code subjectId}), the identity that acted ({@code actorId}) and the credential whose token it acted with
 * ({@code actorCredentialId}), the event's type (its simple name, {@code EffectiveRightsChanged} say), and a time range
 * ({@code from} inclusive, {@code to} exclusive).
 */
public record ListAuditEvents(String subjectId, String actorId, String actorCredentialId, String type, Instant from,
                              Instant to, PageRequest page) {
}
