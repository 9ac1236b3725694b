package org.reviewcycle.history;

import java.util.HashMap;
import java.util.Map;
import java.util.stream.Collectors;

import org.reviewcycle.school.School;
import org.reviewcycle.school.SchoolService;
import org.reviewcycle.security.AdministeredSchools;
import org.reviewcycle.staff.StaffMember;
import org.reviewcycle.staff.StaffService;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * The history of administration: one school's (/admin/schools/{id}/history, its admins) and the
 * trust's (/admin/history: every school and the trust's own changes, trust admins only); newest
 * first, 25 to a page, searchable by a person's name or who made the change, and narrowed to one
 * person with {@code staffId}. The same for scripts as JSON at /api/schools/{id}/history.
 * Template templates/history/changes.html.
 */
@Controller
class HistoryPages {

    static final int PAGE_SIZE = 25;

    private final AdministrationHistory history;
    private final AdministeredSchools administered;
    private final StaffService staff;
    private final SchoolService schools;

    HistoryPages(AdministrationHistory history, AdministeredSchools administered, StaffService staff,
            SchoolService schools) {
        this.history = history;
        this.administered = administered;
        this.staff = staff;
        this.schools = schools;
    }

    @GetMapping("/admin/schools/{schoolId}/history")
    String schoolHistory(@PathVariable long schoolId, @RequestParam(required = false) String q,
            @RequestParam(required = false) Long staffId, @RequestParam(defaultValue = "1") int page, Model model) {
        administered.require(schoolId);
        return show(schoolId, q, staffId, page, model);
    }

    @GetMapping("/admin/history")
    String trustHistory(@RequestParam(required = false) String q, @RequestParam(required = false) Long staffId,
            @RequestParam(defaultValue = "1") int page, Model model) {
        administered.requireTrustAdmin();
        model.addAttribute("schoolNames", schools.allSchools().stream()
                .collect(Collectors.toMap(School::id, School::name)));
        return show(null, q, staffId, page, model);
    }

    @GetMapping(value = "/api/schools/{schoolId}/history", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    AdministrationHistory.Page schoolHistoryForScripts(@PathVariable long schoolId,
            @RequestParam(required = false) String q, @RequestParam(required = false) Long staffId,
            @RequestParam(defaultValue = "1") int page) {
        administered.require(schoolId);
        return history.changes(schoolId, staffId, q, page - 1, PAGE_SIZE);
    }

    private String show(Long schoolId, String q, Long staffId, int page, Model model) {
        var changes = history.changes(schoolId, staffId, q, page - 1, PAGE_SIZE);
        Map<String, String> names = new HashMap<>();
        changes.entries().stream().map(e -> e.change().changedBy()).distinct().forEach(username ->
                names.put(username, staff.findByUsername(username).map(StaffMember::fullName).orElse(username)));
        model.addAttribute("changes", changes);
        model.addAttribute("names", names);
        model.addAttribute("q", q == null ? "" : q);
        model.addAttribute("staffId", staffId);
        model.addAttribute("person", staffId == null ? null : staff.find(staffId)
                .filter(p -> schoolId == null || p.schoolId() == schoolId).map(StaffMember::fullName)
                .orElse("this person"));
        model.addAttribute("pages", Math.max(1, (changes.total() + PAGE_SIZE - 1) / PAGE_SIZE));
        return "history/changes";
    }
}
