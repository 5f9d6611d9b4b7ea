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
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * API Management: the API clients with their Type, grant types, scope, created and last used, sortable by last use
 * and filtered by it; New (grant types, redirect URLs for the authorization-code grant, validities with their
 * defaults, scopes from the catalogue); edit; delete with a confirmation that it cannot be undone (VA keys are listed
 * but offer none: they go with their appliance).
 */
@Controller
@RequestMapping("/console/api-clients")
class ApiClientPages {

    static final int PAGE = 50;
    static final int DEFAULT_ACCESS_TOKEN_VALIDITY = 750;
    static final int DEFAULT_REFRESH_TOKEN_VALIDITY = 2_592_000;
    static final List<String> GRANT_TYPES = List.of("CLIENT_CREDENTIALS", "AUTHORIZATION_CODE", "REFRESH_TOKEN");

    /** The New and Edit form. */
    record ClientForm(String name, String description, List<String> grantTypes, String redirectUris,
                      Integer accessTokenValiditySeconds, Integer refreshTokenValiditySeconds, List<String> scope,
                      String expiresAt, Boolean enabled) {
        static ClientForm blank() {
            return new ClientForm("", "", List.of("CLIENT_CREDENTIALS"), "", DEFAULT_ACCESS_TOKEN_VALIDITY,
                    DEFAULT_REFRESH_TOKEN_VALIDITY, List.of(), "", true);
        }

        static ClientForm of(JsonNode client) {
            return new ClientForm(client.path("name").asText(""), client.path("description").asText(""),
                    Catalogue.strings(client.path("grantTypes")),
                    String.join("\n", Catalogue.strings(client.path("redirectUris"))),
                    client.path("accessTokenValiditySeconds").asInt(), client.path("refreshTokenValiditySeconds").asInt(),
                    Catalogue.strings(client.path("scope")), "", client.path("enabled").asBoolean(true));
        }

        public List<String> grants() {
            return grantTypes == null ? List.of() : grantTypes;
        }

        public List<String> scopes() {
            return scope == null ? List.of() : scope;
        }
    }

    private final ServiceApi api;

    ApiClientPages(ServiceApi api) {
        this.api = api;
    }

    @GetMapping
    String list(@RequestParam(defaultValue = "created") String sort, @RequestParam(defaultValue = "all") String used,
                @RequestParam(required = false) String since, @RequestParam(defaultValue = "0") int offset,
                Model model) {
        String filters = switch (used) {
            case "never" -> "lastUsed isnull";
            case "notSince" -> since == null || since.isBlank() ? null
                    : "lastUsed le \"" + Forms.instant(since) + "\"";
            default -> null;
        };
        String query = filters == null ? "" : "&filters=" + ServiceApi.encode(filters);
        List<JsonNode> clients;
        long total;
        int start = Math.max(0, offset);
        if (sort.equals("lastUsed")) {
            clients = all("/v3/oauth-clients?count=true" + query);
            clients.sort(Comparator.comparing((JsonNode c) -> c.path("lastUsed").asText(""),
                    Comparator.reverseOrder()));
            total = clients.size();
            clients = clients.subList(Math.min(start, clients.size()), Math.min(start + PAGE, clients.size()));
        } else {
            ServiceApi.Answer page = api.list("/v3/oauth-clients?count=true&limit=" + PAGE + "&offset=" + start + query);
            clients = new ArrayList<>();
            page.body().forEach(clients::add);
            total = page.total();
        }
        model.addAttribute("clients", Forms.maps(clients));
        model.addAttribute("total", total);
        model.addAttribute("offset", start);
        model.addAttribute("page", PAGE);
        model.addAttribute("sort", sort);
        model.addAttribute("used", used);
        model.addAttribute("since", since == null ? "" : since);
        model.addAttribute("canManage", ConsolePages.current().holds(Rights.CLIENTS_MANAGE));
        // A support or services account makes nothing that would outlive its access to the tenant.
        model.addAttribute("canCreate", ConsolePages.current().holds(Rights.CLIENTS_MANAGE)
                && !ConsolePages.current().isVendorAccount());
        return "console/api-clients";
    }

    @GetMapping("/new")
    String newClient(Model model) {
        return form(model, ClientForm.blank(), null, null);
    }

    @PostMapping("/new")
    String create(@ModelAttribute ClientForm form, Model model, RedirectAttributes redirect) {
        try {
            JsonNode created = api.post("/v3/oauth-clients", body(form));
            redirect.addFlashAttribute("created", new Created("API client", created.path("name").asText(),
                    created.path("id").asText(), created.path("secret").asText(),
                    "/console/api-clients/" + created.path("id").asText()));
            return "redirect:/console/secret";
        } catch (ApiProblem refused) {
            return form(model, form, null, refused.explanation());
        }
    }

    @GetMapping("/{id}/edit")
    String edit(@PathVariable String id, Model model) {
        return form(model, ClientForm.of(api.get("/v3/oauth-clients/" + ServiceApi.encode(id))), id, null);
    }

    @PostMapping("/{id}/edit")
    String update(@PathVariable String id, @ModelAttribute ClientForm form, Model model) {
        JsonNode before = api.get("/v3/oauth-clients/" + ServiceApi.encode(id));
        Map<String, Object> wanted = body(form);
        var patch = new ArrayList<Map<String, Object>>();
        wanted.forEach((field, value) -> {
            if (!field.equals("expiresAt") && !Objects.equals(Forms.JSON.valueToTree(value), before.path(field))) {
                patch.add(Forms.replace("/" + field, value));
            }
        });
        try {
            if (!patch.isEmpty()) {
                api.patch("/v3/oauth-clients/" + ServiceApi.encode(id), patch);
            }
            return "redirect:/console/api-clients/" + ServiceApi.encode(id) + "?saved";
        } catch (ApiProblem refused) {
            return form(model, form, id, refused.explanation());
        }
    }

    @GetMapping("/{id}/delete")
    String confirmDelete(@PathVariable String id, Model model) {
        JsonNode client = api.get("/v3/oauth-clients/" + ServiceApi.encode(id));
        model.addAttribute("what", "API client");
        model.addAttribute("name", client.path("name").asText());
        model.addAttribute("id", id);
        model.addAttribute("action", "/console/api-clients/" + id + "/delete");
        model.addAttribute("back", "/console/api-clients/" + id);
        model.addAttribute("vaKey", "VA".equalsIgnoreCase(client.path("keyType").asText()));
        return "console/confirm-delete";
    }

    @PostMapping("/{id}/delete")
    String delete(@PathVariable String id, RedirectAttributes redirect) {
        api.delete("/v3/oauth-clients/" + ServiceApi.encode(id));
        redirect.addFlashAttribute("notice", "The API client was deleted.");
        return "redirect:/console/api-clients";
    }

    @PostMapping("/{id}/rotate")
    String rotate(@PathVariable String id, @RequestParam(defaultValue = "86400") int gracePeriodSeconds,
                  RedirectAttributes redirect) {
        JsonNode rotated = api.post("/v3/oauth-clients/" + ServiceApi.encode(id) + "/secret",
                Map.of("gracePeriodSeconds", gracePeriodSeconds));
        JsonNode client = api.get("/v3/oauth-clients/" + ServiceApi.encode(id));
        redirect.addFlashAttribute("created", new Created("new secret (version "
                + rotated.path("secretVersion").asInt() + ") of the API client", client.path("name").asText(),
                id, rotated.path("secret").asText(), "/console/api-clients/" + id));
        return "redirect:/console/secret";
    }

    @GetMapping("/{id}")
    String view(@PathVariable String id, @RequestParam(required = false) String at, Model model) {
        JsonNode client = api.get("/v3/oauth-clients/" + ServiceApi.encode(id));
        var settings = new LinkedHashMap<String, Object>();
        settings.put("Client ID", client.path("id").asText());
        settings.put("Name", client.path("name").asText());
        settings.put("Description", client.path("description").asText(""));
        settings.put("Type", client.path("keyType").asText());
        settings.put("Grant types", String.join(", ", Catalogue.strings(client.path("grantTypes"))));
        settings.put("Redirect URLs", String.join(", ", Catalogue.strings(client.path("redirectUris"))));
        settings.put("Scope", String.join(", ", Catalogue.strings(client.path("scope"))));
        settings.put("Access-token validity", client.path("accessTokenValiditySeconds").asInt() + " s");
        settings.put("Refresh-token validity", client.path("refreshTokenValiditySeconds").asInt() + " s");
        settings.put("Enabled", client.path("enabled").asBoolean() ? "yes" : "no (disabled)");
        settings.put("Created", Forms.readable(client.path("created"), ""));
        settings.put("Last used", Forms.readable(client.path("lastUsed"), "never"));
        settings.put("Expires", Forms.readable(client.path("expiresAt"), "never"));
        CredentialView.fill(model, api, "oauth-clients", id, at, settings, client.path("name").asText());
        model.addAttribute("canManage", ConsolePages.current().holds(Rights.CLIENTS_MANAGE));
        model.addAttribute("vaKey", "VA".equalsIgnoreCase(client.path("keyType").asText()));
        model.addAttribute("base", "/console/api-clients/" + id);
        return "console/credential";
    }

    private String form(Model model, ClientForm form, String id, String error) {
        model.addAttribute("form", form);
        model.addAttribute("id", id);
        model.addAttribute("error", error);
        model.addAttribute("grantTypes", GRANT_TYPES);
        model.addAttribute("catalogue", Catalogue.read(api));
        model.addAttribute("defaultAccessValidity", DEFAULT_ACCESS_TOKEN_VALIDITY);
        model.addAttribute("defaultRefreshValidity", DEFAULT_REFRESH_TOKEN_VALIDITY);
        return "console/api-client-form";
    }

    private static Map<String, Object> body(ClientForm form) {
        var body = new LinkedHashMap<String, Object>();
        body.put("name", form.name());
        body.put("description", form.description() == null || form.description().isBlank() ? null
                : form.description());
        body.put("grantTypes", form.grants());
        body.put("redirectUris", form.grants().contains("AUTHORIZATION_CODE") ? Forms.lines(form.redirectUris())
                : List.of());
        body.put("accessTokenValiditySeconds", form.accessTokenValiditySeconds());
        body.put("refreshTokenValiditySeconds", form.refreshTokenValiditySeconds());
        body.put("scope", form.scopes());
        body.put("enabled", form.enabled() == null || form.enabled());
        Instant expiresAt = Forms.instant(form.expiresAt());
        if (expiresAt != null) {
            body.put("expiresAt", expiresAt.toString());
        }
        return body;
    }

    private List<JsonNode> all(String path) {
        var all = new ArrayList<JsonNode>();
        int offset = 0;
        while (true) {
            ServiceApi.Answer page = api.list(path + "&limit=250&offset=" + offset);
            page.body().forEach(all::add);
            offset += 250;
            if (page.body().size() < 250 || all.size() >= 10_000) {
                return all;
            }
        }
    }
}
