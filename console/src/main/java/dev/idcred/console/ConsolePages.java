package dev.idcred.console;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ModelAttribute;

import java.time.Instant;

/**
 * What every console page has: who is signed in and the pages they may open; every page answers {@code no-store}
 * (nothing of it stays in the browser's cache). A refusal of the API becomes a readable page, never a stack trace;
 * a 401 means the credential's token no longer counts, and the console signs out.
 */
@ControllerAdvice(basePackageClasses = ConsoleConfiguration.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ConsolePages {

    private static final Logger log = LoggerFactory.getLogger(ConsolePages.class);

    private final PersonSignIn people;

    ConsolePages(PersonSignIn people) {
        this.people = people;
    }

    @ModelAttribute
    void refresh(HttpServletRequest request, HttpServletResponse response) {
        people.refreshIfDue(request, response);
    }

    @ModelAttribute
    void common(Model model, HttpServletResponse response) {
        response.setHeader("Cache-Control", "no-store");
        SignedIn me = current();
        if (me != null) {
            model.addAttribute("me", me);
            model.addAttribute("nav", Navigation.of(me));
        }
    }

    @ExceptionHandler(NotAuthenticated.class)
    String signedOut(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
        SecurityContextHolder.clearContext();
        return "redirect:/console/sign-in?expired";
    }

    @ExceptionHandler(ApiProblem.class)
    String refused(ApiProblem problem, Model model, HttpServletResponse response) {
        common(model, response);
        response.setStatus(problem.status() >= 500 ? 502 : problem.status());
        model.addAttribute("problem", problem.explanation());
        return "console/problem";
    }

    /** Anything else: a page that says so, with the time to quote, and the details only in the log. */
    @ExceptionHandler(RuntimeException.class)
    String failed(RuntimeException failure, Model model, HttpServletResponse response) {
        log.error("A console page failed", failure);
        common(model, response);
        response.setStatus(500);
        model.addAttribute("problem", "Something went wrong on our side at " + Instant.now()
                + "; try again, and quote this time if it keeps happening.");
        return "console/problem";
    }

    static SignedIn current() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.getPrincipal() instanceof SignedIn me ? me : null;
    }
}
