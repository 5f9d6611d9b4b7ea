package dev.idcred.command.pages;

import dev.idcred.command.Commands;
import dev.idcred.command.oauth.AuthorizationRequests.Checked;
import dev.idcred.command.oauth.AuthorizationRequests;
import dev.idcred.command.signin.Sessions;
import dev.idcred.shared.consent.GrantConsent;
import dev.idcred.shared.credential.CredentialStates;
import dev.idcred.shared.credential.OwnerFacts;
import dev.idcred.shared.policy.Actor;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.view.RedirectView;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code /oauth/authorize} (RFC 6749 §4.1.1 with PKCE): checks the request ({@link AuthorizationRequests}), signs the
 * person in if needed, asks their consent to what the client asks that they hold, and sends the browser back to the
 * client with a code. What cannot be trusted to go back to the client (an unknown client, a redirect URI that is not
 * one of its own, a repeated parameter) is an error page here, never a redirect.
 */
@Controller
class AuthorizationPages {

    private final AuthorizationRequests requests;
    private final Browser browser;
    private final CredentialStates states;
    private final Commands commands;

    AuthorizationPages(AuthorizationRequests requests, Browser browser, CredentialStates states, Commands commands) {
        this.requests = requests;
        this.browser = browser;
        this.states = states;
        this.commands = commands;
    }

    @GetMapping("/oauth/authorize")
    ModelAndView authorize(@RequestParam MultiValueMap<String, String> parameters, HttpServletRequest request,
                           HttpServletResponse response) {
        Browser.pageHeaders(response);
        AuthorizationRequests.Outcome checked = requests.check(parameters);
        if (!(checked instanceof Checked ok)) {
            return answer(checked, response);
        }
        Optional<Sessions.Session> session = browser.session(request);
        String here = "/oauth/authorize?" + request.getQueryString();
        if (session.isEmpty() || session.get().state() == Sessions.State.AWAITING_SECOND_FACTOR) {
            if ("none".equals(ok.prompt())) {
                return redirect(ok.errorRedirect("login_required", "The person is not signed in"));
            }
            return redirect("/signin" + Continue.query(here));
        }
        if (session.get().state() == Sessions.State.MUST_ENROL) {
            return redirect("/account/authenticator" + Continue.query(here));
        }
        Optional<OwnerFacts> person = states.identity(session.get().identityId());
        if (person.isEmpty() || !person.get().live()) {
            browser.forget(response);
            return redirect("/signin" + Continue.query(here));
        }
        AuthorizationRequests.Offer offer = requests.offer(ok, person.get());
        if (offer.consented() || ok.client().registration().firstParty()) {
            return approve(ok, offer, session.get(), person.get());
        }
        if ("none".equals(ok.prompt())) {
            return redirect(ok.errorRedirect("consent_required", "The person has not consented to this client"));
        }
        ModelAndView page = new ModelAndView("account/consent");
        page.addObject("csrf", browser.csrf(request, response));
        page.addObject("clientName", ok.client().registration().name());
        page.addObject("clientId", ok.client().credentialId());
        page.addObject("redirectHost", ok.redirectHost());
        page.addObject("rights", offer.rights());
        page.addObject("protocol", offer.protocol());
        page.addObject("withheld", offer.withheld());
        page.addObject("parameters", ok.asFormFields());
        page.addObject("name", person.get().name());
        return page;
    }

    @PostMapping("/oauth/authorize")
    ModelAndView decide(@RequestParam MultiValueMap<String, String> form, HttpServletRequest request,
                        HttpServletResponse response) {
        Browser.pageHeaders(response);
        String csrf = form.getFirst(Browser.CSRF_FIELD);
        String decision = form.getFirst("decision");
        var parameters = new org.springframework.util.LinkedMultiValueMap<>(form);
        parameters.remove(Browser.CSRF_FIELD);
        parameters.remove("decision");
        AuthorizationRequests.Outcome checked = requests.check(parameters);
        if (!(checked instanceof Checked ok)) {
            return answer(checked, response);
        }
        if (!browser.csrfMatches(request, csrf)) {
            return errorPage(response, 403, "The consent form expired. Go back to the application and start again.");
        }
        Optional<Sessions.Session> session = browser.session(request)
                .filter(s -> s.state() == Sessions.State.SIGNED_IN);
        Optional<OwnerFacts> person = session.flatMap(s -> states.identity(s.identityId())).filter(OwnerFacts::live);
        if (session.isEmpty() || person.isEmpty()) {
            return redirect("/signin" + Continue.query("/oauth/authorize?" + ok.asQuery()));
        }
        if (!"approve".equals(decision)) {
            return redirect(ok.errorRedirect("access_denied", "The person declined"));
        }
        return approve(ok, requests.offer(ok, person.get()), session.get(), person.get());
    }

    private ModelAndView approve(Checked ok, AuthorizationRequests.Offer offer, Sessions.Session session,
                                 OwnerFacts person) {
        if (!offer.consented()) {
            commands.send(new GrantConsent(person.identityId(), ok.client().credentialId(), offer.scope()),
                    Actor.of(person.identityId(), null, person.kind(), Set.of(), person.tenantAccessExpiresAt()));
        }
        return redirect(requests.issueCode(ok, offer, person, session.authenticatedAt()));
    }

    private ModelAndView answer(AuthorizationRequests.Outcome outcome, HttpServletResponse response) {
        if (outcome instanceof AuthorizationRequests.BackToClient back) {
            return redirect(back.location());
        }
        return errorPage(response, 400, ((AuthorizationRequests.Refused) outcome).reason());
    }

    private static ModelAndView errorPage(HttpServletResponse response, int status, String reason) {
        response.setStatus(status);
        return new ModelAndView("account/message", Map.of("title", "This sign-in request was refused",
                "message", reason + " Nothing was sent back to the application."));
    }

    private static ModelAndView redirect(String location) {
        RedirectView view = new RedirectView(location);
        view.setExpandUriTemplateVariables(false);
        view.setPropagateQueryParams(false);
        view.setExposeModelAttributes(false);
        return new ModelAndView(view);
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
