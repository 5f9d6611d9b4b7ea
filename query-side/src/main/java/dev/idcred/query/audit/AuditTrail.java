package dev.idcred.query.audit;

import dev.idcred.access.audit.AuditIndex;
import dev.idcred.shared.audit.ListAuditEvents;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

/**
 * The audit trail: the event log as the audit index holds it (one entry per event, written in the transaction that
 * appended the event, so the trail never lags the log), oldest first.
 */
@Component
class AuditTrail {

    private final AuditIndex index;

    AuditTrail(AuditIndex index) {
        this.index = index;
    }

    @QueryHandler
    AuditEventPage list(ListAuditEvents query) {
        AuditIndex.Page page = index.page(new AuditIndex.Filter(query.subjectId(), query.actorId(),
                        query.actorCredentialId(), query.type(), query.from(), query.to()),
                query.page().limit(), query.page().offset(), query.page().countTotal());
        return new AuditEventPage(page.entries().stream().map(AuditEventView::of).toList(), page.total());
    }
}
