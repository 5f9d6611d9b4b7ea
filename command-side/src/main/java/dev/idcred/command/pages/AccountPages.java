package dev.idcred.command.pages;

import dev.idcred.command.Commands;
import dev.idcred.command.signin.Authenticators;
import dev.idcred.command.signin.Passwords;
import dev.idcred.command.signin.Sessions;
import dev.idcred.command.signin.SignInKeys;
import dev.idcred.command.signin.SignInSecrets;
import dev.idcred.command.signin.SignInService;
import dev.idcred.command.signin.Usernames;
import dev.idcred.shared.common.DomainException;
import dev.idcred.shared.credential.CredentialStates;
import dev.idcred.shared.credential.OwnerFacts;
import dev.idcred.shared.policy.Actor;
import dev.idcred.shared.signin.ConfirmAuthenticator;
import dev.idcred.shared.signin.RemoveAuthenticator;
import dev.idcred.shared.signin.SetPassword;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A person's own pages: {@code /account} (who they are, their strong authentication), enrolling and removing an
 * authenticator app, and choosing a password with an invitation. Commands go out as the person, so the aggregate's
 * rule (only the person changes their own second factor) holds here as everywhere.
 */
@Controller
class AccountPages {

    private final Browser browser;
    private final CredentialStates states;
    private final Usernames usernames;
    private final SignInSecrets secrets;
    private final Authenticators authenticators;
    private final SignInKeys keys;
    private final Passwords passwords;
    private final Sessions sessions;
    private final SignInService signIn;
    private final Commands commands;
    private final Clock clock;

    AccountPages(Browser browser, CredentialStates states, Usernames usernames, SignInSecrets secrets,
                 Authenticators authenticators, SignInKeys keys, Passwords passwords, Sessions sessions,
                 SignInService signIn, Commands commands, Clock clock) {
        this.browser = browser;
        this.states = states;
        this.usernames = usernames;
        this.secrets = secrets;
        this.authenticators = authenticators;
        this.keys = keys;
        this.passwords = passwords;
        this.sessions = sessions;
        this.signIn = signIn;
        this.commands = commands;
        this.clock = clock;
    }

    @GetMapping("/account")
    String account(HttpServletRequest request, HttpServletResponse response, Model model) {
        Optional<Sessions.Session> session = signedIn(request);
        if (session.isEmpty()) {
            return "redirect:/signin";
        }
        if (session.get().state() == Sessions.State.MUST_ENROL) {
            return "redirect:/account/authenticator";
        }
        OwnerFacts person = states.identity(session.get().identityId()).orElseThrow();
        Browser.pageHeaders(response);
        model.addAttribute("csrf", browser.csrf(request, response));
        model.addAttribute("name", person.name());
        model.addAttribute("username", usernames.usernameOf(person.identityId()).orElse(""));
        model.addAttribute("enrolled", secrets.enrolled(person.identityId()).isPresent());
        model.addAttribute("methods", String.join(", ", session.get().methods()));
        model.addAttribute("consents", person.consents().keySet());
        return "account/account";
    }

    /** Starts (or restarts) enrolling an app: a new secret, its QR code and URI, and the form for its first code. */
    @GetMapping("/account/authenticator")
    String startEnrolment(@RequestParam(name = "continue", required = false) String next,
                          HttpServletRequest request, HttpServletResponse response, Model model) {
        Optional<Sessions.Session> session = signedIn(request);
        if (session.isEmpty()) {
            return "redirect:/signin" + Continue.query("/account/authenticator");
        }
        String identityId = session.get().identityId();
        byte[] secret = authenticators.newSecret();
        secrets.startEnrolment(identityId, secret, clock.instant());
        return enrolmentForm(model, request, response, identityId, secret, next, null);
    }

    @PostMapping("/account/authenticator")
    String confirmEnrolment(@RequestParam(required = false) String code,
                            @RequestParam(name = "continue", required = false) String next,
                            @RequestParam(name = Browser.CSRF_FIELD, required = false) String csrf,
                            HttpServletRequest request, HttpServletResponse response, Model model) {
        Optional<Sessions.Session> session = signedIn(request);
        if (session.isEmpty()) {
            return "redirect:/signin";
        }
        String identityId = session.get().identityId();
        Optional<byte[]> pending = secrets.pendingSecret(identityId);
        if (pending.isEmpty()) {
            return "redirect:/account/authenticator" + Continue.query(next);
        }
        if (!browser.csrfMatches(request, csrf)) {
            response.setStatus(403);
            return enrolmentForm(model, request, response, identityId, pending.get(), next,
                    "The form expired: please try again.");
        }
        List<String> recoveryCodes = authenticators.newRecoveryCodes(keys);
        List<String> hashes = new ArrayList<>(recoveryCodes.stream().map(keys::recoveryCodeHashOf).toList());
        try {
            commands.send(new ConfirmAuthenticator(identityId, code, hashes), person(identityId));
        } catch (DomainException e) {
            response.setStatus(400);
            return enrolmentForm(model, request, response, identityId, pending.get(), next, e.getMessage());
        }
        Sessions.Session upgraded = sessions.begin(identityId, Sessions.State.SIGNED_IN, session.get().methods(),
                session.get().id(), clock.instant());
        browser.keep(upgraded, response);
        Browser.pageHeaders(response);
        model.addAttribute("codes", recoveryCodes);
        model.addAttribute("next", Continue.safe(next));
        return "account/recovery-codes";
    }

    @PostMapping("/account/authenticator/remove")
    String removeAuthenticator(@RequestParam(name = Browser.CSRF_FIELD, required = false) String csrf,
                               HttpServletRequest request, HttpServletResponse response) {
        Optional<Sessions.Session> session = signedIn(request);
        if (session.isEmpty() || session.get().state() != Sessions.State.SIGNED_IN
                || !browser.csrfMatches(request, csrf)) {
            return "redirect:/account";
        }
        String identityId = session.get().identityId();
        commands.send(new RemoveAuthenticator(identityId), person(identityId));
        return "redirect:/account";
    }

    @GetMapping("/account/invitations/{identityId}/{invitationId}")
    String invitation(@PathVariable String identityId, @PathVariable String invitationId,
                      @RequestParam(required = false) String token, HttpServletRequest request,
                      HttpServletResponse response, Model model) {
        if (!keys.invitationTokenMatches(identityId, invitationId, token)) {
            return message(model, response, 404, "Invitation not valid", "This link is not a valid invitation. Ask"
                    + " your administrator for a new one.");
        }
        return passwordForm(model, request, response, identityId, invitationId, token, null);
    }

    @PostMapping("/account/invitations/{identityId}/{invitationId}")
    String choosePassword(@PathVariable String identityId, @PathVariable String invitationId,
                          @RequestParam(required = false) String token,
                          @RequestParam(required = false) String password,
                          @RequestParam(required = false) String confirmation,
                          @RequestParam(name = Browser.CSRF_FIELD, required = false) String csrf,
                          HttpServletRequest request, HttpServletResponse response, Model model) {
        if (!keys.invitationTokenMatches(identityId, invitationId, token)) {
            return message(model, response, 404, "Invitation not valid", "This link is not a valid invitation. Ask"
                    + " your administrator for a new one.");
        }
        if (!browser.csrfMatches(request, csrf)) {
            response.setStatus(403);
            return passwordForm(model, request, response, identityId, invitationId, token,
                    "The form expired: please try again.");
        }
        if (password == null || !password.equals(confirmation)) {
            response.setStatus(400);
            return passwordForm(model, request, response, identityId, invitationId, token,
                    "The two passwords are not the same.");
        }
        Optional<OwnerFacts> person = states.identity(identityId).filter(p -> !p.accessEndedBy(clock.instant()));
        try {
            if (person.isEmpty()) {
                throw new DomainException(dev.idcred.shared.common.ErrorCode.INVITATION_NOT_VALID, "");
            }
            String hash = passwords.hashOfAcceptable(password, List.of(person.get().name(),
                    usernames.usernameOf(identityId).orElse("")));
            commands.send(new SetPassword(identityId, invitationId, hash), Actor.unknown("invitation"));
        } catch (DomainException e) {
            if (e.code() == dev.idcred.shared.common.ErrorCode.PASSWORD_REFUSED) {
                response.setStatus(400);
                return passwordForm(model, request, response, identityId, invitationId, token, e.getMessage());
            }
            return message(model, response, 410, "Invitation used or expired", "This invitation was used, has"
                    + " expired or was replaced by a newer one. Ask your administrator for a new one.");
        }
        sessions.endAllOf(identityId);
        model.addAttribute("link", "/signin");
        model.addAttribute("linkText", "Sign in");
        return message(model, response, 200, "Password set", "Your password is set. Sign in with your username"
                + " and the new password.");
    }

    private Optional<Sessions.Session> signedIn(HttpServletRequest request) {
        return browser.session(request).filter(s -> s.state() != Sessions.State.AWAITING_SECOND_FACTOR);
    }

    private Actor person(String identityId) {
        OwnerFacts facts = states.identity(identityId).orElseThrow();
        return Actor.of(identityId, null, facts.kind(), java.util.Set.of(), facts.tenantAccessExpiresAt());
    }

    private String enrolmentForm(Model model, HttpServletRequest request, HttpServletResponse response,
                                 String identityId, byte[] secret, String next, String error) {
        Browser.pageHeaders(response);
        String uri = authenticators.uri(secret, usernames.usernameOf(identityId).orElse(identityId));
        model.addAttribute("csrf", browser.csrf(request, response));
        model.addAttribute("uri", uri);
        model.addAttribute("qr", authenticators.qrSvg(uri));
        model.addAttribute("next", Continue.safe(next));
        model.addAttribute("required", signIn.mustEnrol(states.identity(identityId).orElseThrow()));
        model.addAttribute("error", error);
        return "account/authenticator";
    }

    private String passwordForm(Model model, HttpServletRequest request, HttpServletResponse response,
                                String identityId, String invitationId, String token, String error) {
        Browser.pageHeaders(response);
        model.addAttribute("csrf", browser.csrf(request, response));
        model.addAttribute("action", "/account/invitations/" + identityId + "/" + invitationId);
        model.addAttribute("token", token);
        model.addAttribute("minLength", Passwords.MIN_LENGTH);
        model.addAttribute("error", error);
        return "account/invitation";
    }

    private static String message(Model model, HttpServletResponse response, int status, String title,
                                  String message) {
        Browser.pageHeaders(response);
        response.setStatus(status);
        model.addAttribute("title", title);
        model.addAttribute("message", message);
        return "account/message";
    }
}
