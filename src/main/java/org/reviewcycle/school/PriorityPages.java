package org.reviewcycle.school;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.reviewcycle.common.InvalidInput;
import org.reviewcycle.security.AdministeredSchools;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The trust's priorities (/admin/trust/priorities: trust admins add, edit and retire them) and a
 * school's improvement plan priorities (/admin/schools/{id}/priorities: the school's admins add and
 * edit them, each linked to the trust priority it serves, if any). Objectives pick from the school's
 * own list (objective.ObjectiveService). Templates in templates/school/.
 */
@Controller
class PriorityPages {

    private final SchoolService schools;
    private final AdministeredSchools administered;
    private final Clock clock;

    PriorityPages(SchoolService schools, AdministeredSchools administered, ObjectProvider<Clock> clock) {
        this.schools = schools;
        this.administered = administered;
        this.clock = clock.getIfAvailable(Clock::systemDefaultZone);
    }

    // --- the trust's priorities ---

    @GetMapping("/admin/trust/priorities")
    String trustPriorities(Model model) {
        administered.requireTrustAdmin();
        model.addAttribute("priorities", schools.trustPriorities());
        model.asMap().putIfAbsent("errors", Map.of());
        model.asMap().putIfAbsent("form", Map.of());
        return "school/trust-priorities";
    }

    @PostMapping("/admin/trust/priorities")
    String addTrustPriority(@RequestParam(defaultValue = "") String code, @RequestParam(defaultValue = "") String title,
            @RequestParam(defaultValue = "") String description, Model model, RedirectAttributes redirect) {
        administered.requireTrustAdmin();
        try {
            var added = schools.addTrustPriority(code, title, description);
            redirect.addFlashAttribute("done", "The trust priority " + added.code() + " is added. Schools can now "
                    + "link their own priorities to it.");
            return "redirect:/admin/trust/priorities";
        } catch (InvalidInput e) {
            e.showOn(model, Map.of("code", code, "title", title, "description", description));
            return trustPriorities(model);
        }
    }

    @GetMapping("/admin/trust/priorities/{priorityId}")
    String trustPriority(@PathVariable long priorityId, Model model) {
        administered.requireTrustAdmin();
        var priority = schools.trustPriority(priorityId);
        model.addAttribute("priority", priority);
        model.asMap().putIfAbsent("errors", Map.of());
        model.asMap().putIfAbsent("form", Map.of("code", priority.code(), "title", priority.title(),
                "description", priority.description()));
        return "school/trust-priority";
    }

    @PostMapping("/admin/trust/priorities/{priorityId}")
    String changeTrustPriority(@PathVariable long priorityId, @RequestParam(defaultValue = "") String code,
            @RequestParam(defaultValue = "") String title, @RequestParam(defaultValue = "") String description,
            Model model, RedirectAttributes redirect) {
        administered.requireTrustAdmin();
        try {
            schools.changeTrustPriority(priorityId, code, title, description);
        } catch (InvalidInput e) {
            e.showOn(model, Map.of("code", code, "title", title, "description", description));
            return trustPriority(priorityId, model);
        }
        redirect.addFlashAttribute("done", "The trust priority " + code.strip() + " is saved.");
        return "redirect:/admin/trust/priorities";
    }

    @PostMapping("/admin/trust/priorities/{priorityId}/retire")
    String retireTrustPriority(@PathVariable long priorityId, @RequestParam boolean retire, RedirectAttributes redirect) {
        administered.requireTrustAdmin();
        schools.retireTrustPriority(priorityId, retire ? LocalDate.now(clock) : null);
        var priority = schools.trustPriority(priorityId);
        redirect.addFlashAttribute("done", retire
                ? "The trust priority " + priority.code() + " is retired. Schools' priorities that served it keep the link."
                : "The trust priority " + priority.code() + " is pursued again.");
        return "redirect:/admin/trust/priorities";
    }

    // --- a school's improvement plan priorities ---

    @GetMapping("/admin/schools/{schoolId}/priorities")
    String schoolPriorities(@PathVariable long schoolId, Model model) {
        administered.require(schoolId);
        model.addAttribute("priorities", schools.priorities(schoolId));
        addTrustPriorities(model);
        model.asMap().putIfAbsent("errors", Map.of());
        model.asMap().putIfAbsent("form", Map.of());
        return "school/priorities";
    }

    @PostMapping("/admin/schools/{schoolId}/priorities")
    String addSchoolPriority(@PathVariable long schoolId, @RequestParam(defaultValue = "") String code,
            @RequestParam(defaultValue = "") String title, @RequestParam(defaultValue = "") String wholeSchoolTarget,
            @RequestParam(required = false) Long trustPriorityId, Model model, RedirectAttributes redirect) {
        administered.require(schoolId);
        try {
            var added = schools.addSchoolPriority(schoolId, code, title, wholeSchoolTarget, trustPriorityId);
            redirect.addFlashAttribute("done", "The priority " + added.code() + " is added. Reviewers can choose it "
                    + "for objectives in planning meetings from now on.");
            return "redirect:/admin/schools/" + schoolId + "/priorities";
        } catch (InvalidInput e) {
            e.showOn(model, form(code, title, wholeSchoolTarget, trustPriorityId));
            return schoolPriorities(schoolId, model);
        }
    }

    @GetMapping("/admin/schools/{schoolId}/priorities/{priorityId}")
    String schoolPriority(@PathVariable long schoolId, @PathVariable long priorityId, Model model) {
        administered.require(schoolId);
        var priority = schools.schoolPriority(schoolId, priorityId);
        model.addAttribute("priority", priority);
        addTrustPriorities(model);
        model.asMap().putIfAbsent("errors", Map.of());
        model.asMap().putIfAbsent("form", form(priority.code(), priority.title(), priority.wholeSchoolTarget(),
                priority.trustPriorityId()));
        return "school/priority";
    }

    @PostMapping("/admin/schools/{schoolId}/priorities/{priorityId}")
    String changeSchoolPriority(@PathVariable long schoolId, @PathVariable long priorityId,
            @RequestParam(defaultValue = "") String code, @RequestParam(defaultValue = "") String title,
            @RequestParam(defaultValue = "") String wholeSchoolTarget, @RequestParam(required = false) Long trustPriorityId,
            Model model, RedirectAttributes redirect) {
        administered.require(schoolId);
        try {
            schools.changeSchoolPriority(schoolId, priorityId, code, title, wholeSchoolTarget, trustPriorityId);
        } catch (InvalidInput e) {
            e.showOn(model, form(code, title, wholeSchoolTarget, trustPriorityId));
            return schoolPriority(schoolId, priorityId, model);
        }
        redirect.addFlashAttribute("done", "The priority " + code.strip() + " is saved.");
        return "redirect:/admin/schools/" + schoolId + "/priorities";
    }

    private void addTrustPriorities(Model model) {
        var all = schools.trustPriorities();
        model.addAttribute("trustPriorities", all);
        model.addAttribute("trustPriorityById", all.stream().collect(Collectors.toMap(TrustPriority::id, Function.identity())));
    }

    private static Map<String, String> form(String code, String title, String target, Long trustPriorityId) {
        var form = new HashMap<String, String>();
        form.put("code", code);
        form.put("title", title);
        form.put("wholeSchoolTarget", target);
        form.put("trustPriorityId", trustPriorityId == null ? "" : trustPriorityId.toString());
        return form;
    }
}
