package org.reviewcycle.cycles;

import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;

import org.reviewcycle.common.NotFoundException;
import org.reviewcycle.process.ReviewProgress;
import org.reviewcycle.review.Review;
import org.reviewcycle.review.ReviewService;
import org.reviewcycle.staff.StaffMember;
import org.reviewcycle.staff.StaffService;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Where each review of a cycle stands (templates/cycles/reviews.html), with "Start it now" for a
 * review waiting for its mid-year check or final review date. The school's admins only.
 */
@Controller
class ReviewPages {

    /** A review with the people it is about, by name. */
    public record Row(Review review, StaffMember reviewee, StaffMember reviewer) {
    }

    /** A review's place in the cycle, with the people by name. */
    public record StepRow(ReviewProgress.Step step, StaffMember reviewee, StaffMember reviewer) {
    }

    private final CycleService cycles;
    private final ReviewProgress progress;
    private final ReviewService reviews;
    private final StaffService staff;

    ReviewPages(CycleService cycles, ReviewProgress progress, ReviewService reviews, StaffService staff) {
        this.cycles = cycles;
        this.progress = progress;
        this.reviews = reviews;
        this.staff = staff;
    }

    @GetMapping("/admin/schools/{schoolId}/cycles/{cycleId}/reviews")
    String reviews(@PathVariable long schoolId, @PathVariable long cycleId, Model model) {
        model.addAttribute("cycle", cycles.cycleOf(schoolId, cycleId));
        Map<Long, StaffMember> people = new HashMap<>();
        staff.staffOf(schoolId).forEach(member -> people.put(member.id(), member));
        model.addAttribute("rows", progress.stepsOf(cycleId).stream()
                .map(step -> new StepRow(step, people.get(step.review().staffId()), people.get(step.review().reviewerId())))
                .sorted(Comparator.comparing((StepRow row) -> row.reviewee().lastName())
                        .thenComparing(row -> row.reviewee().firstName()))
                .toList());
        return "cycles/reviews";
    }

    @PostMapping("/admin/schools/{schoolId}/cycles/{cycleId}/reviews/{reviewId}/bring-forward")
    String bringForward(@PathVariable long schoolId, @PathVariable long cycleId, @PathVariable long reviewId,
            RedirectAttributes redirect) {
        cycles.cycleOf(schoolId, cycleId);
        Review review = reviews.find(reviewId).filter(r -> r.cycleId() == cycleId)
                .orElseThrow(() -> new NotFoundException("This cycle has no such review."));
        ReviewProgress.Step step = progress.bringForward(review.id());
        String who = staff.find(review.staffId()).map(StaffMember::fullName).orElse("this member of staff");
        redirect.addFlashAttribute("message", step.timerJobId() == null
                ? "The review of " + who + " has moved on: " + step.stepName() + "."
                // running the timer here failed; the job executor runs it shortly (see ReviewProgress)
                : "The review of " + who + " moves on to its next step within a minute.");
        return "redirect:/admin/schools/" + schoolId + "/cycles/" + cycleId + "/reviews";
    }
}
