package dev.idcred.console;

import com.fasterxml.jackson.databind.JsonNode;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.time.Instant;
import java.util.ArrayList;

/** The audit trail: who did what to which credential, when; filtered by subject, actor, type and time, paged. */
@Controller
class AuditPage {

    static final int PAGE = 50;

    private final ServiceApi api;

    AuditPage(ServiceApi api) {
        this.api = api;
    }

    @GetMapping("/console/audit")
    String trail(@RequestParam(required = false) String subjectId, @RequestParam(required = false) String actorId,
                 @RequestParam(required = false) String type, @RequestParam(required = false) String from,
                 @RequestParam(required = false) String to, @RequestParam(defaultValue = "0") int offset,
                 Model model) {
        var query = new StringBuilder("/v3/audit-events?count=true&limit=" + PAGE + "&offset=" + Math.max(0, offset));
        append(query, "subjectId", subjectId);
        append(query, "actorId", actorId);
        append(query, "type", type);
        try {
            Instant start = Forms.instant(from);
            Instant end = Forms.instant(to);
            append(query, "from", start == null ? null : start.toString());
            append(query, "to", end == null ? null : end.toString());
            ServiceApi.Answer page = api.list(query.toString());
            var entries = new ArrayList<JsonNode>();
            page.body().forEach(entries::add);
            model.addAttribute("entries", Forms.maps(entries));
            model.addAttribute("total", page.total());
        } catch (ApiProblem refused) {
            if (refused.isForbidden()) {
                throw refused;
            }
            model.addAttribute("error", refused.explanation());
            model.addAttribute("entries", new ArrayList<JsonNode>());
            model.addAttribute("total", 0L);
        }
        model.addAttribute("subjectId", value(subjectId));
        model.addAttribute("actorId", value(actorId));
        model.addAttribute("type", value(type));
        model.addAttribute("from", value(from));
        model.addAttribute("to", value(to));
        model.addAttribute("offset", Math.max(0, offset));
        model.addAttribute("page", PAGE);
        return "console/audit";
    }

    private static void append(StringBuilder query, String name, String value) {
        if (value != null && !value.isBlank()) {
            query.append('&').append(name).append('=').append(ServiceApi.encode(value.strip()));
        }
    }

    private static String value(String value) {
        return value == null ? "" : value;
    }
}
