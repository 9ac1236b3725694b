package org.reviewcycle.staff;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.reviewcycle.common.InvalidInput;
import org.reviewcycle.security.AdministeredSchools;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The staff page of a school (templates/staff/list.html) and a member of staff's page
 * (templates/staff/edit.html): add, edit, mark as leaver, give a password. Errors are shown beside
 * their fields with what was typed kept.
 */
@Controller
@RequestMapping("/admin/schools/{schoolId}/staff")
class StaffPages {

    private final StaffService staff;
    private final AdministeredSchools administered;

    StaffPages(StaffService staff, AdministeredSchools administered) {
        this.staff = staff;
        this.administered = administered;
    }

    @GetMapping
    String list(@PathVariable long schoolId, @RequestParam(required = false) String q,
            @RequestParam(required = false) StaffCategory category, @RequestParam(required = false) Long team,
            @RequestParam(required = false) Long reviewer, @RequestParam(defaultValue = "false") boolean noReviewer,
            @RequestParam(defaultValue = "false") boolean leavers, @RequestParam(defaultValue = "0") int page,
            Model model) {
        administered.require(schoolId);
        model.addAttribute("found", staff.search(new StaffSearch(schoolId, q, category, team, reviewer, noReviewer,
                leavers, page)));
        model.addAttribute("q", q);
        model.addAttribute("category", category);
        model.addAttribute("team", team);
        model.addAttribute("reviewer", reviewer);
        model.addAttribute("noReviewer", noReviewer);
        model.addAttribute("leavers", leavers);
        model.addAttribute("categories", StaffCategory.values());
        model.addAttribute("teams", staff.teamsOf(schoolId));
        List<StaffMember> current = staff.currentStaffOf(schoolId);
        var reviewerIds = current.stream().map(StaffMember::reviewerId).filter(id -> id != null)
                .collect(java.util.stream.Collectors.toSet());
        model.addAttribute("reviewers", current.stream().filter(s -> reviewerIds.contains(s.id())).toList());
        return "staff/list";
    }

    @GetMapping("/new")
    String newMember(@PathVariable long schoolId, Model model) {
        administered.require(schoolId);
        return form(schoolId, null, StaffDetails.empty(), Map.of(), model);
    }

    @PostMapping("/new")
    String add(@PathVariable long schoolId, @ModelAttribute("details") StaffDetails details, BindingResult binding,
            Model model, RedirectAttributes redirect) {
        administered.require(schoolId);
        try {
            requireBound(binding);
            StaffMember added = staff.saveDetails(schoolId, null, details);
            redirect.addFlashAttribute("done", added.fullName() + " was added. Give them a password below so that "
                    + "they can log in as " + added.username() + ".");
            return "redirect:/admin/schools/" + schoolId + "/staff/" + added.id();
        } catch (InvalidInput e) {
            return form(schoolId, null, details, e.fields(), model);
        }
    }

    @GetMapping("/{staffId}")
    String edit(@PathVariable long schoolId, @PathVariable long staffId, Model model) {
        administered.require(schoolId);
        return form(schoolId, staff.memberOf(schoolId, staffId), StaffDetails.of(staff.memberOf(schoolId, staffId)),
                Map.of(), model);
    }

    @PostMapping("/{staffId}")
    String save(@PathVariable long schoolId, @PathVariable long staffId,
            @ModelAttribute("details") StaffDetails details, BindingResult binding, Model model,
            RedirectAttributes redirect) {
        administered.require(schoolId);
        StaffMember member = staff.memberOf(schoolId, staffId);
        try {
            requireBound(binding);
            StaffMember saved = staff.saveDetails(schoolId, staffId, details);
            redirect.addFlashAttribute("done", saved.fullName() + "'s details were saved.");
            return "redirect:/admin/schools/" + schoolId + "/staff";
        } catch (InvalidInput e) {
            return form(schoolId, member, details, e.fields(), model);
        }
    }

    @PostMapping("/{staffId}/leaver")
    String leaver(@PathVariable long schoolId, @PathVariable long staffId,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate leftOn,
            Model model, RedirectAttributes redirect) {
        administered.require(schoolId);
        StaffMember member = staff.memberOf(schoolId, staffId);
        try {
            staff.markLeaver(schoolId, staffId, leftOn);
            redirect.addFlashAttribute("done", member.fullName() + " is marked as leaving on "
                    + StaffImport.formatDate(leftOn) + ".");
            return "redirect:/admin/schools/" + schoolId + "/staff";
        } catch (InvalidInput e) {
            return form(schoolId, member, StaffDetails.of(member), e.fields(), model);
        }
    }

    @PostMapping("/{staffId}/password")
    String password(@PathVariable long schoolId, @PathVariable long staffId, @RequestParam(required = false) String password,
            Model model, RedirectAttributes redirect) {
        administered.require(schoolId);
        StaffMember member = staff.memberOf(schoolId, staffId);
        try {
            staff.givePassword(schoolId, staffId, password);
            redirect.addFlashAttribute("done", member.fullName() + " can now log in as " + member.username() + ".");
            return "redirect:/admin/schools/" + schoolId + "/staff/" + staffId;
        } catch (InvalidInput e) {
            return form(schoolId, member, StaffDetails.of(member), e.fields(), model);
        }
    }

    @GetMapping("/{staffId}/move")
    String moveForm(@PathVariable long schoolId, @PathVariable long staffId, @RequestParam(required = false) Long to,
            Model model) {
        StaffMember member = movable(schoolId, staffId);
        return moveForm(schoolId, member, StaffMove.startingFrom(member, to), Map.of(), model);
    }

    @PostMapping("/{staffId}/move")
    String move(@PathVariable long schoolId, @PathVariable long staffId, @ModelAttribute("move") StaffMove move,
            BindingResult binding, Model model, RedirectAttributes redirect) {
        StaffMember member = movable(schoolId, staffId);
        try {
            if (binding.hasErrors()) {
                var errors = new LinkedHashMap<String, String>();
                binding.getFieldErrors().forEach(e -> errors.put(e.getField(), e.getField().equals("movedOn")
                        ? "Enter their first day as a date, for example 1 January 2027" : "Choose a value from the list"));
                throw new InvalidInput(errors);
            }
            StaffMember moved = staff.moveToSchool(schoolId, staffId, move);
            redirect.addFlashAttribute("done", moved.fullName() + " now works at "
                    + administered.require(moved.schoolId()).name() + " and logs in as " + moved.username()
                    + ", as before. Their reviews so far stay with the schools that held them.");
            return "redirect:/admin/schools/" + moved.schoolId() + "/staff/" + staffId;
        } catch (InvalidInput e) {
            return moveForm(schoolId, member, move, e.fields(), model);
        }
    }

    /** Someone of the school, for a trust admin only: a school admin is refused the move. */
    private StaffMember movable(long schoolId, long staffId) {
        administered.require(schoolId);
        administered.requireTrustAdmin();
        return staff.memberOf(schoolId, staffId);
    }

    private String moveForm(long schoolId, StaffMember member, StaffMove move, Map<String, String> errors,
            Model model) {
        model.addAttribute("member", member);
        model.addAttribute("move", move);
        model.addAttribute("errors", errors);
        model.addAttribute("categories", StaffCategory.values());
        List<org.reviewcycle.school.School> schools = staff.schoolsToMoveTo(schoolId);
        model.addAttribute("schools", schools);
        var to = schools.stream().filter(s -> s.id().equals(move.toSchoolId())).findFirst().orElse(null);
        model.addAttribute("to", to);
        model.addAttribute("colleagues", to == null ? List.of() : staff.currentStaffOf(to.id()));
        model.addAttribute("teams", to == null ? List.of() : staff.teamsOf(to.id()));
        return "staff/move";
    }

    private String form(long schoolId, StaffMember member, StaffDetails details, Map<String, String> errors,
            Model model) {
        model.addAttribute("member", member);
        model.addAttribute("details", details);
        model.addAttribute("errors", errors);
        model.addAttribute("categories", StaffCategory.values());
        // today's staff, and whoever reviews or manages them now even if they have left, so that saving
        // other details does not silently take their reviewer away
        var colleagues = new java.util.ArrayList<>(staff.currentStaffOf(schoolId).stream()
                .filter(s -> member == null || !s.id().equals(member.id())).toList());
        for (Long id : java.util.Arrays.asList(details.reviewerId(), details.lineManagerId())) {
            if (id != null && colleagues.stream().noneMatch(c -> c.id().equals(id))) {
                staff.find(id).filter(c -> c.schoolId() == schoolId).ifPresent(colleagues::add);
            }
        }
        model.addAttribute("colleagues", colleagues);
        model.addAttribute("hasPassword", member != null && staff.hasPassword(member.id()));
        return "staff/edit";
    }

    /** A value the form could not even be read as (a date typed by hand in an old browser) is a field error too. */
    private static void requireBound(BindingResult binding) {
        if (binding.hasErrors()) {
            var errors = new LinkedHashMap<String, String>();
            binding.getFieldErrors().forEach(e -> errors.put(e.getField(), switch (e.getField()) {
                case "startedOn" -> "Enter the start date as a date, for example 1 September 2026";
                default -> "Choose a value from the list";
            }));
            throw new InvalidInput(errors);
        }
    }
}
