package dev.idcred.console;

import com.fasterxml.jackson.databind.JsonNode;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Identities and user levels: list, create, grant and revoke levels; an identity's credentials and what their
 * effective rights are, so granting a level shows at once what an {@code sp:scopes:all} token may now do.
 */
@Controller
@RequestMapping("/console/identities")
class IdentityPages {

    static final List<String> KINDS = List.of("USER", "SUPPORT", "SERVICES");

    record IdentityForm(String name, String kind, String tenantAccessExpiresAt, String allowedCidrs,
                        String allowedCountries) {
        static IdentityForm blank() {
            return new IdentityForm("", "USER", "", "", "");
        }
    }

    /** One credential of an identity and its effective rights now. */
    record OwnedCredential(String kind, String id, String name, String path, String state, List<String> rights) {
    }

    private final ServiceApi api;

    IdentityPages(ServiceApi api) {
        this.api = api;
    }

    @GetMapping
    String list(@RequestParam(defaultValue = "0") int offset, Model model) {
        ServiceApi.Answer identities = api.list("/v3/identities?count=true&limit=50&offset=" + Math.max(0, offset));
        var items = new ArrayList<JsonNode>();
        identities.body().forEach(items::add);
        model.addAttribute("identities", Forms.maps(items));
        model.addAttribute("total", identities.total());
        model.addAttribute("offset", Math.max(0, offset));
        model.addAttribute("canManage", ConsolePages.current().holds(Rights.IDENTITIES_MANAGE));
        return "console/identities";
    }

    @GetMapping("/new")
    String newIdentity(Model model) {
        return form(model, IdentityForm.blank(), null);
    }

    @PostMapping("/new")
    String create(@ModelAttribute IdentityForm form, Model model) {
        var body = new LinkedHashMap<String, Object>();
        body.put("name", form.name());
        body.put("kind", form.kind());
        try {
            Instant expiry = Forms.instant(form.tenantAccessExpiresAt());
            if (expiry != null) {
                body.put("tenantAccessExpiresAt", expiry.toString());
            }
            List<String> cidrs = Forms.lines(form.allowedCidrs());
            List<String> countries = Forms.lines(form.allowedCountries());
            if (!cidrs.isEmpty() || !countries.isEmpty()) {
                body.put("networkRules", Map.of("allowedCidrs", cidrs, "allowedCountries", countries));
            }
            JsonNode created = api.post("/v3/identities", body);
            return "redirect:/console/identities/" + ServiceApi.encode(created.path("id").asText());
        } catch (ApiProblem refused) {
            return form(model, form, refused.explanation());
        }
    }

    @GetMapping("/{id}")
    String view(@PathVariable String id, Model model) {
        SignedIn me = ConsolePages.current();
        JsonNode identity = api.get("/v3/identities/" + ServiceApi.encode(id));
        model.addAttribute("identity", Forms.map(identity));
        if (me.holdsAny(Rights.AUTH_USERS_READ, Rights.AUTH_USERS_MANAGE)) {
            List<String> levels = Catalogue.strings(api.get("/v3/auth-users/" + ServiceApi.encode(id))
                    .path("capabilities"));
            Catalogue catalogue = Catalogue.read(api);
            model.addAttribute("levels", levels);
            model.addAttribute("grantable", catalogue.levels().keySet().stream().filter(l -> !levels.contains(l))
                    .toList());
            model.addAttribute("levelRights", catalogue.levels());
        } else {
            model.addAttribute("levelsProblem", "Reading user levels needs idn:auth-users:read.");
        }
        model.addAttribute("canGrant", me.holds(Rights.AUTH_USERS_MANAGE));
        model.addAttribute("credentials", credentialsOf(id, me, model));
        return "console/identity";
    }

    @PostMapping("/{id}/levels")
    String grant(@PathVariable String id, @RequestParam String level, RedirectAttributes redirect) {
        api.patch("/v3/auth-users/" + ServiceApi.encode(id), List.of(Map.of("op", "add", "path", "/capabilities/-",
                "value", level)));
        redirect.addFlashAttribute("notice", "Granted " + level + ".");
        return "redirect:/console/identities/" + ServiceApi.encode(id);
    }

    @PostMapping("/{id}/levels/revoke")
    String revoke(@PathVariable String id, @RequestParam String level, RedirectAttributes redirect) {
        List<String> levels = new ArrayList<>(Catalogue.strings(api.get("/v3/auth-users/" + ServiceApi.encode(id))
                .path("capabilities")));
        levels.remove(level);
        api.patch("/v3/auth-users/" + ServiceApi.encode(id), List.of(Forms.replace("/capabilities", levels)));
        redirect.addFlashAttribute("notice", "Revoked " + level + ".");
        return "redirect:/console/identities/" + ServiceApi.encode(id);
    }

    private List<OwnedCredential> credentialsOf(String id, SignedIn me, Model model) {
        var owned = new ArrayList<OwnedCredential>();
        if (me.holds(Rights.ALL_PATS_READ) || id.equals(me.identityId())) {
            for (JsonNode token : api.get("/v3/personal-access-tokens?owner-id=" + ServiceApi.encode(id))) {
                owned.add(withRights("Personal access token", token.path("id").asText(), token.path("name").asText(),
                        "personal-access-tokens", "/console/tokens/"));
            }
        } else {
            model.addAttribute("credentialsProblem",
                    "Listing another identity's tokens needs idn:all-personal-access-tokens:read.");
        }
        if (me.holdsAny(Rights.CLIENTS_READ, Rights.CLIENTS_MANAGE)) {
            int offset = 0;
            JsonNode page;
            do {
                page = api.get("/v3/oauth-clients?limit=250&offset=" + offset);
                for (JsonNode client : page) {
                    if (id.equals(client.path("ownerId").asText())) {
                        owned.add(withRights("API client (" + client.path("keyType").asText() + ")",
                                client.path("id").asText(), client.path("name").asText(), "oauth-clients",
                                "/console/api-clients/"));
                    }
                }
                offset += 250;
            } while (page.size() == 250 && offset < 10_000);
        }
        return owned;
    }

    private OwnedCredential withRights(String kind, String id, String name, String resource, String path) {
        JsonNode effective = api.get("/v3/" + resource + "/" + ServiceApi.encode(id) + "/effective-scope");
        return new OwnedCredential(kind, id, name, path + id, effective.path("state").asText(),
                Catalogue.strings(effective.path("rights")));
    }

    private String form(Model model, IdentityForm form, String error) {
        model.addAttribute("form", form);
        model.addAttribute("kinds", KINDS);
        model.addAttribute("error", error);
        return "console/identity-form";
    }
}
