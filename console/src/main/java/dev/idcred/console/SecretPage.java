package dev.idcred.console;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The page that shows a new secret, once, with copy buttons and the warning. */
@Controller
class SecretPage {

    @GetMapping("/console/secret")
    String secret(Model model) {
        return model.containsAttribute("created") ? "console/secret" : "console/secret-gone";
    }
}
