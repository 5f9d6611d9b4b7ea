package dev.idcred.query.audit;

import dev.idcred.query.support.ResultPage;

import java.util.List;

/** One page of the audit trail. */
public record AuditEventPage(List<AuditEventView> items, long total) implements ResultPage<AuditEventView> {
}
