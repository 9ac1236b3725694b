package org.reviewcycle.record;

import org.reviewcycle.security.AdministeredSchools;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Whose past reviews one may look for (templates/record/people.html); a person's past reviews, read-only
 * (templates/record/past-reviews.html), for whoever {@link RecordAccess} lets read them; and the trust's settings page (templates/record/trust-settings.html), trust admins only.
 */
@Controller
class RecordPages {

    private final RecordService records;
    private final AdministeredSchools administered;

    RecordPages(RecordService records, AdministeredSchools administered) {
        this.records = records;
        this.administered = administered;
    }

    @GetMapping("/records")
    String people(Model model) {
        model.addAttribute("people", records.peopleToOffer());
        model.addAttribute("mySchool", records.schoolIAnswerFor().orElse(null));
        model.addAttribute("cycles", records.cyclesToReport());
        return "record/people";
    }

    @GetMapping("/records/staff/{staffId}")
    String pastReviews(@PathVariable long staffId, Model model) {
        model.addAttribute("record", records.pastReviewsOf(staffId));
        return "record/past-reviews";
    }

    @GetMapping("/admin/trust/settings")
    String settings(Model model) {
        administered.requireTrustAdmin();
        model.addAttribute("pastReviewsFollowMovers", records.pastReviewsFollowMovers());
        return "record/trust-settings";
    }

    @PostMapping("/admin/trust/settings")
    String changeSettings(@RequestParam(defaultValue = "false") boolean pastReviewsFollowMovers,
            RedirectAttributes redirect) {
        administered.requireTrustAdmin();
        records.setPastReviewsFollowMovers(pastReviewsFollowMovers);
        redirect.addFlashAttribute("done", "The trust's settings were saved.");
        return "redirect:/admin/trust/settings";
    }
}
