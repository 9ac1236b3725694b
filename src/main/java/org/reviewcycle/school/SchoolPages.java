package org.reviewcycle.school;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.reviewcycle.common.InvalidInput;
import org.reviewcycle.security.AdministeredSchools;
import org.reviewcycle.staff.StaffMember;
import org.reviewcycle.staff.StaffService;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The trust's schools (/admin/schools: trust admins), a school's overview (/admin/schools/{id}:
 * where /admin sends a school admin), and a school's details and administrators
 * (/admin/schools/{id}/settings: a school admin sees them and changes the school's admins; renaming,
 * closing and trust admins are the trust's). Templates in templates/school/.
 */
@Controller
class SchoolPages {

    private final SchoolService schools;
    private final StaffService staff;
    private final AdministeredSchools administered;
    private final Clock clock;

    SchoolPages(SchoolService schools, StaffService staff, AdministeredSchools administered,
            ObjectProvider<Clock> clock) {
        this.schools = schools;
        this.staff = staff;
        this.administered = administered;
        this.clock = clock.getIfAvailable(Clock::systemDefaultZone);
    }

    @GetMapping("/admin/schools")
    String list(Model model) {
        administered.requireTrustAdmin();
        LocalDate today = LocalDate.now(clock);
        String year = SchoolService.academicYearOf(today);
        model.addAttribute("year", year);
        model.addAttribute("summaries", schools.summaries(year, today));
        model.asMap().putIfAbsent("errors", Map.of());
        model.asMap().putIfAbsent("form", Map.of());
        return "school/list";
    }

    @PostMapping("/admin/schools")
    String add(@RequestParam(defaultValue = "") String code, @RequestParam(defaultValue = "") String name,
            Model model, RedirectAttributes redirect) {
        administered.requireTrustAdmin();
        try {
            School school = schools.openSchool(code, name);
            redirect.addFlashAttribute("done", school.name() + " is added. Next: add its staff, its priorities and "
                    + "its cycle; to let someone run it, make them its administrator under School details.");
            return "redirect:/admin/schools/" + school.id();
        } catch (InvalidInput e) {
            e.showOn(model, Map.of("code", code, "name", name));
            return list(model);
        }
    }

    @GetMapping("/admin/schools/{schoolId}")
    String overview(@PathVariable long schoolId, Model model) {
        administered.require(schoolId);
        LocalDate today = LocalDate.now(clock);
        model.addAttribute("year", SchoolService.academicYearOf(today));
        model.addAttribute("summary", schools.summary(schoolId, SchoolService.academicYearOf(today), today));
        return "school/overview";
    }

    @GetMapping("/admin/schools/{schoolId}/settings")
    String settings(@PathVariable long schoolId, Model model) {
        School school = administered.require(schoolId);
        List<StaffMember> people = staff.staffOf(schoolId).stream().filter(StaffMember::active).toList();
        model.addAttribute("admins", people.stream().filter(p -> p.administrator() || p.trustAdmin())
                .sorted(Comparator.comparing(StaffMember::lastName).thenComparing(StaffMember::firstName)).toList());
        model.addAttribute("trustAdmins", staff.trustAdmins().stream().filter(p -> !p.schoolId().equals(schoolId)).toList());
        model.addAttribute("candidates", people.stream().filter(p -> !p.administrator()).toList());
        model.asMap().putIfAbsent("errors", Map.of());
        model.asMap().putIfAbsent("form", Map.of("name", school.name(), "closedOn", LocalDate.now(clock).toString()));
        return "school/settings";
    }

    @PostMapping("/admin/schools/{schoolId}/name")
    String rename(@PathVariable long schoolId, @RequestParam(defaultValue = "") String name, Model model,
            RedirectAttributes redirect) {
        administered.requireTrustAdmin();
        try {
            schools.renameSchool(schoolId, name);
        } catch (InvalidInput e) {
            return settingsAgain(schoolId, e, Map.of("name", name), model);
        }
        redirect.addFlashAttribute("done", "The school is now called " + name.strip() + ".");
        return "redirect:/admin/schools/" + schoolId + "/settings";
    }

    @PostMapping("/admin/schools/{schoolId}/close")
    String close(@PathVariable long schoolId, @RequestParam(defaultValue = "") String closedOn, Model model,
            RedirectAttributes redirect) {
        administered.requireTrustAdmin();
        try {
            schools.closeSchool(schoolId, date(closedOn), LocalDate.now(clock));
        } catch (InvalidInput e) {
            return settingsAgain(schoolId, e, Map.of("name", administered.require(schoolId).name(), "closedOn", closedOn),
                    model);
        }
        redirect.addFlashAttribute("done", "The school is closed. Its records are kept; no new cycle can be launched.");
        return "redirect:/admin/schools/" + schoolId + "/settings";
    }

    @PostMapping("/admin/schools/{schoolId}/reopen")
    String reopen(@PathVariable long schoolId, RedirectAttributes redirect) {
        administered.requireTrustAdmin();
        schools.reopenSchool(schoolId);
        redirect.addFlashAttribute("done", "The school is open again.");
        return "redirect:/admin/schools/" + schoolId + "/settings";
    }

    @PostMapping("/admin/schools/{schoolId}/admins")
    String setAdministrator(@PathVariable long schoolId, @RequestParam(required = false) Long staffId,
            @RequestParam boolean administrator, Model model, RedirectAttributes redirect) {
        administered.require(schoolId);
        if (staffId == null) {
            return settingsAgain(schoolId, InvalidInput.of("staffId", "Choose the member of staff"),
                    Map.of("name", administered.require(schoolId).name()), model);
        }
        staff.setAdministrator(schoolId, staffId, administrator);
        String name = staff.find(staffId).map(StaffMember::fullName).orElseThrow();
        redirect.addFlashAttribute("done", administrator
                ? name + " is now an administrator of this school, from their next login."
                : name + " is no longer an administrator of this school.");
        return "redirect:/admin/schools/" + schoolId + "/settings";
    }

    @PostMapping("/admin/schools/{schoolId}/trust-admins")
    String setTrustAdmin(@PathVariable long schoolId, @RequestParam long staffId, @RequestParam boolean trustAdmin,
            RedirectAttributes redirect) {
        administered.requireTrustAdmin();
        staff.setTrustAdmin(schoolId, staffId, trustAdmin);
        String name = staff.find(staffId).map(StaffMember::fullName).orElseThrow();
        redirect.addFlashAttribute("done", trustAdmin
                ? name + " is now a trust administrator (every school), from their next login."
                : name + " is no longer a trust administrator.");
        return "redirect:/admin/schools/" + schoolId + "/settings";
    }

    private String settingsAgain(long schoolId, InvalidInput problem, Map<String, String> form, Model model) {
        problem.showOn(model, form);
        return settings(schoolId, model);
    }

    /** A date from a form's date field (ISO, as browsers send it); empty is none. */
    static LocalDate date(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw InvalidInput.of("closedOn", "Enter the date as a day, month and year, like 31/08/2027");
        }
    }
}
