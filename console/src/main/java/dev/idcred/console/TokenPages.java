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
import java.util.TreeSet;

/**
 * Personal Access Tokens: the signed-in owner's tokens (and, with {@code idn:all-personal-access-tokens:read},
 * everyone's, filterable by owner) with the count of the ten allowed; New with "What is this token for?", scopes
 * limited to what the owner may grant, and validity; edit; delete with a confirmation that it cannot be undone.
 */
@Controller
@RequestMapping("/console/tokens")
class TokenPages {

    static final int MAX_TOKENS = 10;
    static final int DEFAULT_VALIDITY = 43_200;

    record TokenForm(String name, List<String> scope, Integer accessTokenValiditySeconds, String expiresAt,
                     String ownerId) {
        static TokenForm blank() {
            return new TokenForm("", List.of(), DEFAULT_VALIDITY, "", "");
        }

        public List<String> scopes() {
            return scope == null ? List.of() : scope;
        }
    }

    private final ServiceApi api;

    TokenPages(ServiceApi api) {
        this.api = api;
    }

    @GetMapping
    String list(@RequestParam(required = false) String owner, Model model) {
        SignedIn me = ConsolePages.current();
        boolean everyone = me.holds(Rights.ALL_PATS_READ);
        String ownerId = owner == null || owner.isBlank() ? (everyone ? null : "me") : owner.strip();
        ServiceApi.Answer tokens = api.list("/v3/personal-access-tokens?count=true"
                + (ownerId == null ? "" : "&owner-id=" + ServiceApi.encode(ownerId)));
        var items = new ArrayList<JsonNode>();
        tokens.body().forEach(items::add);
        model.addAttribute("tokens", Forms.maps(items));
        model.addAttribute("owner", ownerId == null ? "" : ownerId);
        model.addAttribute("everyone", everyone);
        model.addAttribute("mine", ownerId != null && (ownerId.equals("me") || ownerId.equals(me.identityId())));
        model.addAttribute("count", tokens.total());
        model.addAttribute("max", MAX_TOKENS);
        model.addAttribute("canManage", me.holdsAny(Rights.MY_PATS_MANAGE, Rights.ALL_PATS_MANAGE));
        return "console/tokens";
    }

    @GetMapping("/new")
    String newToken(Model model) {
        return form(model, TokenForm.blank(), null, null);
    }

    @PostMapping("/new")
    String create(@ModelAttribute TokenForm form, Model model, RedirectAttributes redirect) {
        var body = new LinkedHashMap<String, Object>();
        body.put("name", form.name());
        body.put("scope", form.scopes());
        body.put("accessTokenValiditySeconds", form.accessTokenValiditySeconds());
        Instant expiresAt;
        try {
            expiresAt = Forms.instant(form.expiresAt());
        } catch (ApiProblem refused) {
            return form(model, form, null, refused.explanation());
        }
        if (expiresAt != null) {
            body.put("expiresAt", expiresAt.toString());
        }
        if (form.ownerId() != null && !form.ownerId().isBlank()) {
            body.put("ownerId", form.ownerId().strip());
        }
        try {
            JsonNode created = api.post("/v3/personal-access-tokens", body);
            redirect.addFlashAttribute("created", new Created("personal access token", created.path("name").asText(),
                    created.path("id").asText(), created.path("secret").asText(),
                    "/console/tokens/" + created.path("id").asText()));
            return "redirect:/console/secret";
        } catch (ApiProblem refused) {
            return form(model, form, null, refused.explanation());
        }
    }

    @GetMapping("/{id}")
    String view(@PathVariable String id, @RequestParam(required = false) String at, Model model) {
        JsonNode token = find(id);
        var settings = new LinkedHashMap<String, Object>();
        settings.put("Client ID", token.path("id").asText());
        settings.put("What it is for", token.path("name").asText());
        settings.put("Owner", token.path("owner").path("name").asText("") + " (" + token.path("owner").path("id")
                .asText() + ")");
        settings.put("Scope", String.join(", ", Catalogue.strings(token.path("scope"))));
        settings.put("Access-token validity", token.path("accessTokenValiditySeconds").asInt() + " s");
        settings.put("Created", Forms.readable(token.path("created"), ""));
        settings.put("Last used", Forms.readable(token.path("lastUsed"), "never"));
        settings.put("Expires", Forms.readable(token.path("expiresAt"), "never"));
        CredentialView.fill(model, api, "personal-access-tokens", id, at, settings, token.path("name").asText());
        model.addAttribute("canManage", ConsolePages.current().holdsAny(Rights.MY_PATS_MANAGE,
                Rights.ALL_PATS_MANAGE));
        model.addAttribute("vaKey", false);
        model.addAttribute("base", "/console/tokens/" + id);
        return "console/credential";
    }

    @GetMapping("/{id}/edit")
    String edit(@PathVariable String id, Model model) {
        JsonNode token = find(id);
        return form(model, new TokenForm(token.path("name").asText(), Catalogue.strings(token.path("scope")),
                token.path("accessTokenValiditySeconds").asInt(), "", token.path("owner").path("id").asText()),
                id, null);
    }

    @PostMapping("/{id}/edit")
    String update(@PathVariable String id, @ModelAttribute TokenForm form, Model model) {
        try {
            api.patch("/v3/personal-access-tokens/" + ServiceApi.encode(id), List.of(
                    Forms.replace("/name", form.name()), Forms.replace("/scope", form.scopes())));
            return "redirect:/console/tokens/" + ServiceApi.encode(id) + "?saved";
        } catch (ApiProblem refused) {
            return form(model, form, id, refused.explanation());
        }
    }

    @GetMapping("/{id}/delete")
    String confirmDelete(@PathVariable String id, Model model) {
        JsonNode token = find(id);
        model.addAttribute("what", "personal access token");
        model.addAttribute("name", token.path("name").asText());
        model.addAttribute("id", id);
        model.addAttribute("action", "/console/tokens/" + id + "/delete");
        model.addAttribute("back", "/console/tokens/" + id);
        model.addAttribute("vaKey", false);
        return "console/confirm-delete";
    }

    @PostMapping("/{id}/delete")
    String delete(@PathVariable String id, RedirectAttributes redirect) {
        api.delete("/v3/personal-access-tokens/" + ServiceApi.encode(id));
        redirect.addFlashAttribute("notice", "The personal access token was deleted.");
        return "redirect:/console/tokens";
    }

    @PostMapping("/{id}/rotate")
    String rotate(@PathVariable String id, @RequestParam(defaultValue = "86400") int gracePeriodSeconds,
                  RedirectAttributes redirect) {
        JsonNode token = find(id);
        JsonNode rotated = api.post("/v3/personal-access-tokens/" + ServiceApi.encode(id) + "/secret",
                Map.of("gracePeriodSeconds", gracePeriodSeconds));
        redirect.addFlashAttribute("created", new Created("new secret (version "
                + rotated.path("secretVersion").asInt() + ") of the personal access token",
                token.path("name").asText(), id, rotated.path("secret").asText(), "/console/tokens/" + id));
        return "redirect:/console/secret";
    }

    /** A token by id: the service lists tokens by owner, and its effective scope names the owner. */
    private JsonNode find(String id) {
        String owner = api.get("/v3/personal-access-tokens/" + ServiceApi.encode(id) + "/effective-scope")
                .path("ownerId").asText();
        for (JsonNode token : api.get("/v3/personal-access-tokens?owner-id=" + ServiceApi.encode(owner))) {
            if (token.path("id").asText().equals(id)) {
                return token;
            }
        }
        throw new ApiProblem(404, "No such personal access token: " + id);
    }

    /**
     * The form, its scopes limited to what the owner may grant (the owner's levels where the caller may read them,
     * otherwise the signed-in token's own rights), plus whatever the token already holds, so it can be taken away.
     */
    private String form(Model model, TokenForm form, String id, String error) {
        SignedIn me = ConsolePages.current();
        Catalogue catalogue = Catalogue.read(api);
        List<String> grantable = new ArrayList<>(me.rights().stream().filter(catalogue.rights()::contains).sorted()
                .toList());
        if (me.holds(Rights.AUTH_USERS_READ) && me.identityId() != null) {
            try {
                List<String> levels = Catalogue.strings(api.get("/v3/auth-users/" + ServiceApi.encode(
                        form.ownerId() == null || form.ownerId().isBlank() ? me.identityId() : form.ownerId()))
                        .path("capabilities"));
                grantable = catalogue.rightsOf(levels);
            } catch (ApiProblem refused) {
                // the owner's levels are not readable: offer the signed-in person's own rights
            }
        }
        var offered = new TreeSet<>(grantable);
        form.scopes().stream().filter(catalogue.rights()::contains).forEach(offered::add);
        model.addAttribute("form", form);
        model.addAttribute("id", id);
        model.addAttribute("error", error);
        model.addAttribute("grantable", List.copyOf(offered));
        model.addAttribute("defaultValidity", DEFAULT_VALIDITY);
        model.addAttribute("canChooseOwner", me.holds(Rights.ALL_PATS_MANAGE));
        return "console/token-form";
    }
}
