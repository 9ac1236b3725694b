package org.reviewcycle.notification;

import java.util.LinkedHashMap;
import java.util.Map;

import org.reviewcycle.common.InvalidInput;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A school's reminders and escalation (/admin/schools/{id}/reminders, templates/notification/reminders.html):
 * on which days before a step's due date its person is reminded, and when an overdue step is told to the line
 * manager and the head. For the school's administrators and the trust's.
 */
@Controller
class ReminderPages {

    private final Reminders reminders;

    ReminderPages(Reminders reminders) {
        this.reminders = reminders;
    }

    @GetMapping("/admin/schools/{schoolId}/reminders")
    String reminders(@PathVariable long schoolId, Model model) {
        ReminderSettings settings = reminders.administeredSettings(schoolId);
        model.asMap().putIfAbsent("errors", Map.of());
        model.asMap().putIfAbsent("form", Map.of("daysBefore", settings.daysBeforeText().replace(",", ", "),
                "onDueDate", String.valueOf(settings.onDueDate()),
                "lineManagerAfterDays", String.valueOf(settings.lineManagerAfterDays()),
                "headAfterDays", String.valueOf(settings.headAfterDays())));
        model.addAttribute("settings", settings);
        return "notification/reminders";
    }

    @PostMapping("/admin/schools/{schoolId}/reminders")
    String change(@PathVariable long schoolId, @RequestParam(defaultValue = "") String daysBefore,
            @RequestParam(defaultValue = "false") boolean onDueDate,
            @RequestParam(defaultValue = "") String lineManagerAfterDays,
            @RequestParam(defaultValue = "") String headAfterDays, Model model, RedirectAttributes redirect) {
        try {
            ReminderSettings saved = reminders.change(schoolId, daysBefore, onDueDate, lineManagerAfterDays,
                    headAfterDays);
            redirect.addFlashAttribute("done", "Saved: " + saved.inWords() + ".");
        } catch (InvalidInput e) {
            Map<String, String> typed = new LinkedHashMap<>();
            typed.put("daysBefore", daysBefore);
            typed.put("onDueDate", String.valueOf(onDueDate));
            typed.put("lineManagerAfterDays", lineManagerAfterDays);
            typed.put("headAfterDays", headAfterDays);
            e.showOn(model, typed);
            model.addAttribute("settings", reminders.administeredSettings(schoolId));
            return "notification/reminders";
        }
        return "redirect:/admin/schools/" + schoolId + "/reminders";
    }
}
