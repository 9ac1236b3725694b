package org.reviewcycle.cycles;

import java.time.Clock;
import java.time.LocalDate;
import java.time.Month;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.reviewcycle.review.ReviewService;
import org.reviewcycle.common.InvalidInput;
import org.reviewcycle.school.CycleState;
import org.reviewcycle.school.ReviewCycle;
import org.reviewcycle.staff.StaffMember;
import org.reviewcycle.staff.StaffService;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A school's cycles (templates/cycles/): the list, planning a cycle, its page, changing its dates
 * before it is launched, and closing it. The school's admins only (system.AdminPages refuses anyone
 * else before these run; CycleService checks again).
 */
@Controller
class CyclePages {

    /** Each field's name on the page, for the sentences about a date that is not a date. */
    private static final Map<String, String> LABELS = Map.ofEntries(
            Map.entry("objectivesAgreedBy", "Objectives agreed by"),
            Map.entry("midYearCheckFrom", "Mid-year check from"),
            Map.entry("observationsBy", "Lesson observations by"),
            Map.entry("finalReviewFrom", "Final review from"),
            Map.entry("finalReviewDue", "Final review due"),
            Map.entry("supportObjectivesAgreedBy", "Support staff: objectives agreed by"),
            Map.entry("supportMidYearCheckFrom", "Support staff: mid-year check from"),
            Map.entry("supportFinalReviewFrom", "Support staff: final review from"),
            Map.entry("supportFinalReviewDue", "Support staff: final review due"),
            Map.entry("newStarterWeeks", "New starters' weeks to agree objectives"));

    private final CycleService cycles;
    private final CycleLaunches launches;
    private final ReviewService reviews;
    private final StaffService staff;
    private final Clock clock;

    CyclePages(CycleService cycles, CycleLaunches launches, ReviewService reviews, StaffService staff,
            ObjectProvider<Clock> clock) {
        this.cycles = cycles;
        this.launches = launches;
        this.reviews = reviews;
        this.staff = staff;
        this.clock = clock.getIfAvailable(Clock::systemDefaultZone);
    }

    /** The old page of every school's cycles: each school's cycles are now on the school's own pages. */
    @GetMapping("/cycles")
    String oldCyclesPage() {
        return "redirect:/admin";
    }

    /** One line of the list: the cycle, its state in words and how many reviews it has. */
    public record CycleRow(ReviewCycle cycle, String state, int reviews) {
    }

    @GetMapping("/admin/schools/{schoolId}/cycles")
    String list(@PathVariable long schoolId, Model model) {
        model.addAttribute("rows", cycles.cyclesOf(schoolId).stream()
                .map(c -> new CycleRow(c, CycleService.label(c.state()), reviews.reviewsIn(c.id()).size())).toList());
        return "cycles/list";
    }

    @GetMapping("/admin/schools/{schoolId}/cycles/new")
    String planForm(@PathVariable long schoolId, Model model) {
        List<ReviewCycle> existing = cycles.cyclesOf(schoolId);
        LocalDate today = LocalDate.now(clock);
        int autumn = existing.isEmpty()
                ? (today.getMonthValue() >= Month.SEPTEMBER.getValue() ? today.getYear() : today.getYear() - 1)
                : existing.get(0).firstDay().getYear() + 1;
        return form(model, CycleForm.usualDates(autumn), Map.of(), null);
    }

    @PostMapping("/admin/schools/{schoolId}/cycles")
    String plan(@PathVariable long schoolId, @ModelAttribute("form") CycleForm form, BindingResult binding,
            Model model) {
        return save(model, form, binding, null, () -> cycles.plan(form.toCycle(null, schoolId)));
    }

    @GetMapping("/admin/schools/{schoolId}/cycles/{cycleId}")
    String cycle(@PathVariable long schoolId, @PathVariable long cycleId, Model model) {
        ReviewCycle cycle = cycles.cycleOf(schoolId, cycleId);
        model.addAttribute("cycle", cycle);
        model.addAttribute("state", CycleService.label(cycle.state()));
        model.addAttribute("reviewCount", reviews.reviewsIn(cycleId).size());
        launches.latestOf(cycleId).ifPresent(launch -> {
            model.addAttribute("launch", launch);
            model.addAttribute("startedBy", launches.startedBy(launch));
        });
        return "cycles/cycle";
    }

    @GetMapping("/admin/schools/{schoolId}/cycles/{cycleId}/edit")
    String editForm(@PathVariable long schoolId, @PathVariable long cycleId, Model model) {
        ReviewCycle cycle = cycles.cycleOf(schoolId, cycleId);
        requirePlanned(cycle);
        return form(model, CycleForm.of(cycle), Map.of(), cycle);
    }

    @PostMapping("/admin/schools/{schoolId}/cycles/{cycleId}/edit")
    String edit(@PathVariable long schoolId, @PathVariable long cycleId, @ModelAttribute("form") CycleForm form,
            BindingResult binding, Model model) {
        ReviewCycle cycle = cycles.cycleOf(schoolId, cycleId);
        requirePlanned(cycle);
        form.setAcademicYear(cycle.academicYear());
        return save(model, form, binding, cycle, () -> cycles.changeDates(schoolId, form.toCycle(cycleId, schoolId)));
    }

    @GetMapping("/admin/schools/{schoolId}/cycles/{cycleId}/close")
    String closeConfirmation(@PathVariable long schoolId, @PathVariable long cycleId, Model model) {
        ReviewCycle cycle = cycles.cycleOf(schoolId, cycleId);
        Map<Long, StaffMember> people = new LinkedHashMap<>();
        staff.staffOf(schoolId).forEach(member -> people.put(member.id(), member));
        model.addAttribute("cycle", cycle);
        model.addAttribute("running", cycles.runningReviews(schoolId, cycleId).stream()
                .map(review -> new ReviewPages.Row(review, people.get(review.staffId()), people.get(review.reviewerId())))
                .toList());
        return "cycles/close";
    }

    @PostMapping("/admin/schools/{schoolId}/cycles/{cycleId}/close")
    String close(@PathVariable long schoolId, @PathVariable long cycleId, RedirectAttributes redirect) {
        ReviewCycle cycle = cycles.cycleOf(schoolId, cycleId);
        int ended = cycles.close(schoolId, cycleId);
        redirect.addFlashAttribute("message", "The " + cycle.academicYear() + " cycle is closed. "
                + (ended == 1 ? "1 review still running was ended" : ended + " reviews still running were ended")
                + "; every record is kept.");
        return "redirect:/admin/schools/" + schoolId + "/cycles/" + cycleId;
    }

    private static void requirePlanned(ReviewCycle cycle) {
        if (cycle.state() != CycleState.PLANNED) {
            throw new IllegalStateException("The " + cycle.academicYear() + " cycle has been "
                    + (cycle.closed() ? "closed" : "launched") + "; its dates can no longer be changed.");
        }
    }

    /** Saves the form's cycle and opens it; or shows the form again as typed, each refusal beside its field. */
    private static String save(Model model, CycleForm form, BindingResult binding, ReviewCycle editing,
            Supplier<ReviewCycle> saving) {
        Map<String, String> errors = notDates(binding);
        if (errors.isEmpty()) {
            try {
                ReviewCycle saved = saving.get();
                return "redirect:/admin/schools/" + saved.schoolId() + "/cycles/" + saved.id();
            } catch (InvalidInput e) {
                errors = e.fields();
            }
        }
        return form(model, form, errors, editing);
    }

    private static String form(Model model, CycleForm form, Map<String, String> errors, ReviewCycle editing) {
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("editing", editing);
        return "cycles/form";
    }

    /** Fields whose text was not a date (or a number of weeks), each with its sentence. */
    private static Map<String, String> notDates(BindingResult binding) {
        var errors = new LinkedHashMap<String, String>();
        binding.getFieldErrors().forEach(error -> errors.put(error.getField(), LABELS.getOrDefault(error.getField(),
                error.getField()) + (error.getField().equals("newStarterWeeks") ? ": enter a number of weeks"
                        : ": enter a real date, like 31/10/2026")));
        return errors;
    }
}
