package org.reviewcycle.passwordreset;

import java.util.Map;

import org.reviewcycle.common.InvalidInput;
import org.reviewcycle.staff.StaffMember;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * "Forgotten your password?" from the login page (/password/forgot, templates/passwordreset/forgot.html) and the
 * emailed link's page (/password/reset/{token}, templates/passwordreset/choose.html). Open to anyone, logged in
 * or not (security.SecurityConfiguration): the first says the same whoever is typed; the second works only with
 * a link we sent, once. A link that cannot be used answers 410 Gone with a way to ask for a new one.
 */
@Controller
class PasswordResetPages {

    static final String FORGOT = "/password/forgot";

    private final PasswordResets resets;
    private final AsksPerAddress asks;

    PasswordResetPages(PasswordResets resets, AsksPerAddress asks) {
        this.resets = resets;
        this.asks = asks;
    }

    @GetMapping(FORGOT)
    String forgot(@RequestParam(required = false) String sent, Model model) {
        model.addAttribute("sent", sent != null);
        model.addAttribute("errors", Map.of());
        return "passwordreset/forgot";
    }

    @PostMapping(FORGOT)
    String sendLink(@RequestParam(required = false) String who, Model model, HttpServletRequest request,
            HttpServletResponse response) {
        if (!asks.allow(request.getRemoteAddr())) {
            response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
            model.addAttribute("errors", Map.of("who", "Too many links have been asked for from your network in the "
                    + "last hour. Try again later, or ask your school's ReviewCycle administrator."));
            model.addAttribute("sent", false);
            return "passwordreset/forgot";
        }
        try {
            resets.sendLinks(who);
            return "redirect:" + FORGOT + "?sent";
        } catch (InvalidInput invalid) {
            invalid.showOn(model, Map.of("who", who == null ? "" : who));
            model.addAttribute("sent", false);
            return "passwordreset/forgot";
        }
    }

    @GetMapping("/password/reset/{token}")
    String choose(@PathVariable String token, Model model, HttpServletResponse response) {
        var person = resets.whoseLink(token);
        if (person.isEmpty()) {
            return linkNotUsable(model, response);
        }
        model.addAttribute("person", person.get());
        model.addAttribute("token", token);
        model.addAttribute("errors", Map.of());
        return "passwordreset/choose";
    }

    @PostMapping("/password/reset/{token}")
    String chosen(@PathVariable String token, @RequestParam(required = false) String password,
            @RequestParam(required = false) String repeated, Model model, HttpServletResponse response,
            RedirectAttributes redirect) {
        try {
            StaffMember person = resets.choosePassword(token, password, repeated);
            redirect.addFlashAttribute("passwordChosen", person.username());
            return "redirect:/login";
        } catch (InvalidInput invalid) {
            // the passwords typed are not shown again
            invalid.showOn(model, Map.of());
            model.addAttribute("person", resets.whoseLink(token).orElseThrow(PasswordResets.LinkNotUsable::new));
            model.addAttribute("token", token);
            return "passwordreset/choose";
        } catch (PasswordResets.LinkNotUsable gone) {
            return linkNotUsable(model, response);
        }
    }

    private static String linkNotUsable(Model model, HttpServletResponse response) {
        response.setStatus(HttpStatus.GONE.value());
        model.addAttribute("gone", true);
        model.addAttribute("sent", false);
        model.addAttribute("errors", Map.of());
        return "passwordreset/forgot";
    }
}
