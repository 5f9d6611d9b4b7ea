package dev.idcred.command.pages;

import dev.idcred.access.network.ClientOrigins;
import dev.idcred.command.oauth.FailedAuthentications;
import dev.idcred.command.signin.Sessions;
import dev.idcred.command.signin.SignInService;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.util.Optional;

/**
 * The sign-in pages: {@code /signin} (username and password), {@code /signin/code} (the authenticator's code or a
 * recovery code) and {@code /signout}. Every form carries the browser's CSRF value; a failure says the same thing
 * whatever its reason; where a person goes afterwards ({@code continue}) is only ever a path of this service.
 */
@Controller
class SignInPages {

    static final String REFUSED = "The username or password is not right, or the account is locked for now.";

    private final SignInService signIn;
    private final Browser browser;
    private final ClientOrigins origins;
    private final FailedAuthentications throttle;

    SignInPages(SignInService signIn, Browser browser, ClientOrigins origins, FailedAuthentications throttle) {
        this.signIn = signIn;
        this.browser = browser;
        this.origins = origins;
        this.throttle = throttle;
    }

    @GetMapping("/signin")
    String signInPage(@RequestParam(name = "continue", required = false) String next, HttpServletRequest request,
                      HttpServletResponse response, Model model) {
        Optional<Sessions.Session> session = browser.session(request);
        if (session.isPresent() && session.get().state() == Sessions.State.SIGNED_IN) {
            return "redirect:" + Continue.safe(next);
        }
        return form(model, request, response, next, null);
    }

    @PostMapping("/signin")
    String signIn(@RequestParam(required = false) String username, @RequestParam(required = false) String password,
                  @RequestParam(name = "continue", required = false) String next,
                  @RequestParam(name = Browser.CSRF_FIELD, required = false) String csrf,
                  HttpServletRequest request, HttpServletResponse response, Model model) {
        if (!browser.csrfMatches(request, csrf)) {
            response.setStatus(403);
            return form(model, request, response, next, "The form expired: please sign in again.");
        }
        String address = origins.of(request).address();
        String throttleKey = "sign-in:" + (username == null ? "" : username.toLowerCase(java.util.Locale.ROOT));
        long wait = throttle.secondsToWait(throttleKey, address);
        if (wait > 0) {
            response.setStatus(429);
            response.setHeader("Retry-After", Long.toString(wait));
            return form(model, request, response, next, "Too many attempts: try again in " + wait + " seconds.");
        }
        SignInService.Outcome outcome = signIn.password(username, password, address,
                browser.sessionId(request).orElse(null));
        if (!(outcome instanceof SignInService.Proceed proceed)) {
            throttle.failed(throttleKey, address);
            browser.forget(response);
            response.setStatus(401);
            model.addAttribute("username", username == null ? "" : username);
            return form(model, request, response, next, REFUSED);
        }
        throttle.succeeded(throttleKey, address);
        browser.keep(proceed.session(), response);
        return "redirect:" + afterStep(proceed.session(), next);
    }

    @GetMapping("/signin/code")
    String codePage(@RequestParam(name = "continue", required = false) String next, HttpServletRequest request,
                    HttpServletResponse response, Model model) {
        Optional<Sessions.Session> session = browser.session(request);
        if (session.isEmpty() || session.get().state() != Sessions.State.AWAITING_SECOND_FACTOR) {
            return "redirect:/signin" + Continue.query(next);
        }
        return codeForm(model, request, response, next, null);
    }

    @PostMapping("/signin/code")
    String code(@RequestParam(required = false) String code,
                @RequestParam(name = "continue", required = false) String next,
                @RequestParam(name = Browser.CSRF_FIELD, required = false) String csrf,
                HttpServletRequest request, HttpServletResponse response, Model model) {
        Optional<Sessions.Session> session = browser.session(request);
        if (session.isEmpty() || session.get().state() != Sessions.State.AWAITING_SECOND_FACTOR) {
            return "redirect:/signin" + Continue.query(next);
        }
        if (!browser.csrfMatches(request, csrf)) {
            response.setStatus(403);
            return codeForm(model, request, response, next, "The form expired: please try again.");
        }
        SignInService.Outcome outcome = signIn.secondFactor(session.get(), code, origins.of(request).address());
        if (!(outcome instanceof SignInService.Proceed proceed)) {
            response.setStatus(401);
            return codeForm(model, request, response, next, "That code is not right, or the account is locked for"
                    + " now. Codes change every 30 seconds; a recovery code works once.");
        }
        browser.keep(proceed.session(), response);
        return "redirect:" + afterStep(proceed.session(), next);
    }

    @PostMapping("/signout")
    String signOut(@RequestParam(name = Browser.CSRF_FIELD, required = false) String csrf,
                   HttpServletRequest request, HttpServletResponse response, Model model) {
        Browser.pageHeaders(response);
        if (browser.csrfMatches(request, csrf)) {
            browser.sessionId(request).ifPresent(id -> browser.endSession(id));
            browser.forget(response);
            model.addAttribute("title", "Signed out");
            model.addAttribute("message", "You are signed out of the credential service.");
        } else {
            response.setStatus(403);
            model.addAttribute("title", "Not signed out");
            model.addAttribute("message", "The form expired: go back and sign out again.");
        }
        model.addAttribute("link", "/signin");
        model.addAttribute("linkText", "Sign in");
        return "account/message";
    }

    private static String afterStep(Sessions.Session session, String next) {
        return switch (session.state()) {
            case AWAITING_SECOND_FACTOR -> "/signin/code" + Continue.query(next);
            case MUST_ENROL -> "/account/authenticator" + Continue.query(next);
            case SIGNED_IN -> Continue.safe(next);
        };
    }

    private String form(Model model, HttpServletRequest request, HttpServletResponse response, String next,
                        String error) {
        return page("account/signin", model, request, response, next, error);
    }

    private String codeForm(Model model, HttpServletRequest request, HttpServletResponse response, String next,
                            String error) {
        return page("account/signin-code", model, request, response, next, error);
    }

    /** A sign-in step's form: its CSRF value, where to go on, and what went wrong, if anything. */
    private String page(String template, Model model, HttpServletRequest request, HttpServletResponse response,
                        String next, String error) {
        Browser.pageHeaders(response);
        model.addAttribute("csrf", browser.csrf(request, response));
        model.addAttribute("next", Continue.safe(next));
        model.addAttribute("error", error);
        return template;
    }
}
