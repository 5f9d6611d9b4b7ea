package dev.idcred.query.audit;

import dev.idcred.query.support.ListingParameters;
import dev.idcred.query.support.Queries;
import dev.idcred.shared.audit.ListAuditEvents;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** {@code GET /v3/audit-events}: who did what to which credential, when; oldest first. */
@RestController
class AuditQueryController {

    private final Queries queries;

    AuditQueryController(Queries queries) {
        this.queries = queries;
    }

    @GetMapping("/v3/audit-events")
    ResponseEntity<List<AuditEventView>> list(@RequestParam(required = false) String subjectId,
                                              @RequestParam(required = false) String actorId,
                                              @RequestParam(required = false) String actorCredentialId,
                                              @RequestParam(required = false) String type,
                                              @RequestParam(required = false) String from,
                                              @RequestParam(required = false) String to,
                                              @RequestParam(required = false) Integer limit,
                                              @RequestParam(required = false) Integer offset,
                                              @RequestParam(required = false) Boolean count) {
        AuditEventPage page = queries.page(new ListAuditEvents(subjectId, actorId, actorCredentialId, type,
                ListingParameters.instant("from", from), ListingParameters.instant("to", to),
                ListingParameters.page(limit, offset, count)), AuditEventPage.class);
        return ResponseEntity.ok().headers(ListingParameters.totalCount(page)).body(page.items());
    }
}
