package org.reviewcycle.notification;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A school's outbox (/admin/schools/{id}/mail, templates/notification/outbox.html): what is waiting to be
 * sent and what failed, with the reason, and "Send again". For the school's administrators and the trust's.
 */
@Controller
class OutboxPages {

    private final Outbox outbox;
    private final OutboxSender sender;

    OutboxPages(Outbox outbox, OutboxSender sender) {
        this.outbox = outbox;
        this.sender = sender;
    }

    @GetMapping("/admin/schools/{schoolId}/mail")
    String outbox(@PathVariable long schoolId, Model model) {
        model.addAttribute("outbox", outbox.unsent(schoolId));
        model.addAttribute("canSend", sender.canSend());
        return "notification/outbox";
    }

    @PostMapping("/admin/schools/{schoolId}/mail/{mailId}/send-again")
    String sendAgain(@PathVariable long schoolId, @PathVariable long mailId, RedirectAttributes redirect) {
        outbox.sendAgain(schoolId, mailId);
        redirect.addFlashAttribute("done", "The email will be sent again in the next few seconds.");
        return "redirect:/admin/schools/" + schoolId + "/mail";
    }

    @PostMapping("/admin/schools/{schoolId}/mail/send-failed-again")
    String sendAllFailedAgain(@PathVariable long schoolId, RedirectAttributes redirect) {
        int again = outbox.sendAllFailedAgain(schoolId);
        redirect.addFlashAttribute("done", again == 0 ? "There was no failed mail to send again."
                : again == 1 ? "1 email will be sent again in the next few seconds."
                : again + " emails will be sent again in the next few seconds.");
        return "redirect:/admin/schools/" + schoolId + "/mail";
    }
}
