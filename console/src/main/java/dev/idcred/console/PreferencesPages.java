package dev.idcred.console;

import com.fasterxml.jackson.databind.JsonNode;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.ArrayList;

/**
 * Preferences, under the person's name: their own Personal Access Tokens (the 10 an identity may have), their strong
 * authentication (set up on the service's own account page, where secrets never pass through the console) and the
 * applications they let act for them, each of which they can withdraw.
 */
@Controller
class PreferencesPages {

    private final ServiceApi api;

    PreferencesPages(ServiceApi api) {
        this.api = api;
    }

    @GetMapping("/console/preferences")
    String preferences(Model model) {
        SignedIn me = ConsolePages.current();
        JsonNode account = api.get("/v3/me");
        ServiceApi.Answer tokens = api.list("/v3/personal-access-tokens?count=true&owner-id=me");
        var items = new ArrayList<JsonNode>();
        tokens.body().forEach(items::add);
        var consents = new ArrayList<JsonNode>();
        api.get("/v3/me/consents").forEach(consents::add);
        model.addAttribute("account", Forms.maps(java.util.List.of(account)).getFirst());
        model.addAttribute("tokens", Forms.maps(items));
        model.addAttribute("count", tokens.total());
        model.addAttribute("max", 10);
        model.addAttribute("canManage", me.holds(Rights.MY_PATS_MANAGE));
        model.addAttribute("consents", Forms.maps(consents));
        model.addAttribute("accountPage", api.discovery().path("issuer").asText() + "/account");
        return "console/preferences";
    }

    @PostMapping("/console/preferences/consents/{clientId}/withdraw")
    String withdraw(@PathVariable String clientId, RedirectAttributes redirect) {
        api.delete("/v3/me/consents/" + ServiceApi.encode(clientId));
        redirect.addFlashAttribute("notice", "The application no longer acts for you; its tokens stopped.");
        return "redirect:/console/preferences";
    }
}
