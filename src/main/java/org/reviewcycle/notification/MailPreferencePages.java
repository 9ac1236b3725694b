package org.reviewcycle.notification;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * "My email" (/me/mail, templates/notification/my-email.html): a member of staff chooses an email for each
 * step as it comes, or one email a day. Every member of staff may use it, for themselves only.
 */
@Controller
class MailPreferencePages {

    static final String EACH_STEP = "each-step";
    static final String DAILY = "daily";

    private final MailPreferences preferences;

    MailPreferencePages(MailPreferences preferences) {
        this.preferences = preferences;
    }

    @GetMapping("/me/mail")
    String myEmail(Model model) {
        model.addAttribute("mine", preferences.mine());
        return "notification/my-email";
    }

    @PostMapping("/me/mail")
    String choose(@RequestParam String choice, RedirectAttributes redirect) {
        boolean daily = switch (choice) {
            case DAILY -> true;
            case EACH_STEP -> false;
            default -> throw new IllegalArgumentException("Choose an email for each step, or one email a day.");
        };
        preferences.choose(daily);
        redirect.addFlashAttribute("message", daily
                ? "Saved: from tomorrow you get one email a day, early in the morning, when anything is waiting for you."
                : "Saved: you get an email for each step as it is given to you.");
        return "redirect:/me/mail";
    }
}
