package dev.idcred.console;

import com.fasterxml.jackson.databind.JsonNode;
import org.springframework.ui.Model;

import java.time.Instant;
import java.util.Map;

/**
 * A credential's page, for API clients and PATs alike: its settings, its effective rights now or at a past instant
 * ({@code at}, from the log itself), its secret versions and expiry, its usage and exposure (for those who may read
 * them), the rights drift it went through, and its audit trail. Each part the signed-in credential may not read is
 * left out with a sentence saying so, never a blank.
 */
final class CredentialView {

    private CredentialView() {
    }

    static void fill(Model model, ServiceApi api, String resource, String id, String at, Map<String, Object> settings,
                     String name) {
        SignedIn me = ConsolePages.current();
        String base = "/v3/" + resource + "/" + ServiceApi.encode(id);
        model.addAttribute("resource", resource);
        model.addAttribute("id", id);
        model.addAttribute("name", name);
        model.addAttribute("settings", settings);
        Instant instant = Forms.instant(at);
        model.addAttribute("at", Forms.local(instant));
        model.addAttribute("effective", Forms.map(api.get(base + "/effective-scope"
                + (instant == null ? "" : "?at=" + ServiceApi.encode(instant.toString())))));
        JsonNode secrets = optional(() -> api.get(base + "/secrets"), model, "secretsProblem");
        model.addAttribute("secrets", secrets == null ? null : Forms.map(secrets));
        if (me.holds(Rights.AUDIT_READ) || resource.equals("personal-access-tokens")) {
            JsonNode exposure = optional(() -> api.get(base + "/exposure"), model, "exposureProblem");
            model.addAttribute("exposure", exposure == null ? null : Forms.map(exposure));
        } else {
            model.addAttribute("exposureProblem", "Reading a credential's usage and exposure needs idn:audit:read.");
        }
        if (me.holds(Rights.AUDIT_READ)) {
            model.addAttribute("trail", Forms.maps(api.get("/v3/audit-events?limit=50&subjectId="
                    + ServiceApi.encode(id))));
            model.addAttribute("drift", Forms.maps(api.get("/v3/audit-events?limit=50&type=EffectiveRightsChanged"
                    + "&subjectId=" + ServiceApi.encode(id))));
        } else {
            model.addAttribute("trailProblem", "Reading the audit trail needs idn:audit:read.");
        }
    }

    private static JsonNode optional(java.util.function.Supplier<JsonNode> read, Model model, String problem) {
        try {
            return read.get();
        } catch (ApiProblem refused) {
            model.addAttribute(problem, refused.explanation());
            return null;
        }
    }
}
