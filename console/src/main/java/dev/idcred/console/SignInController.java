package dev.idcred.console;

import jakarta.servlet.http.HttpSession;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The sign-in page, and where a signed-in person lands: the first page their rights open. */
@Controller
class SignInController {

    static final String FAILURE = "console.signInFailure";

    @GetMapping("/console/sign-in")
    String signIn(@RequestParam(required = false) String failed, @RequestParam(required = false) String signedOut,
                  @RequestParam(required = false) String expired, HttpSession session, Model model) {
        if (failed != null) {
            Object reason = session.getAttribute(FAILURE);
            session.removeAttribute(FAILURE);
            model.addAttribute("error", reason == null ? "That client ID and secret do not sign in." : reason);
        } else if (signedOut != null) {
            model.addAttribute("notice", "You are signed out.");
        } else if (expired != null) {
            model.addAttribute("notice", "Your session ended (the token expired or was revoked); sign in again.");
        }
        return "console/sign-in";
    }

    @GetMapping({"/console", "/console/"})
    String home() {
        SignedIn me = ConsolePages.current();
        return "redirect:" + Navigation.of(me).firstPage();
    }

    @GetMapping("/console/nothing")
    String nothing() {
        return "console/nothing";
    }
}
