package org.reviewcycle.reporting;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.reviewcycle.common.InvalidInput;
import org.reviewcycle.common.NotFoundException;
import org.reviewcycle.common.NotPermittedException;
import org.reviewcycle.school.School;
import org.reviewcycle.school.SchoolService;
import org.reviewcycle.security.AdministeredSchools;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The dashboards' pages (templates/reporting/*.html) and their CSV downloads: a school's
 * ({@code /schools/{id}/dashboard}), the trust's ({@code /trust/dashboard}), and a school's governors'
 * accounts ({@code /schools/{id}/governors}). {@link DashboardAccess} says who may see each. The path
 * variable is {@code id}, not {@code schoolId}: system.AdminPages admits only a school's admins to paths with a
 * {@code schoolId}, and heads and governors read these too (nor {@code school}: path variables reach the view's
 * model, where {@code school} brings the admin menu).
 */
@Controller
class DashboardPages {

    private static final String CHECKLIST = "checklist";
    /** A governor's own password (security.SecurityConfiguration lets governors reach it). */
    static final String GOVERNOR_PASSWORD = "/governor/password";

    private final DashboardService dashboards;
    private final DashboardAccess access;
    private final GovernorService governors;
    private final SchoolService schools;
    private final AdministeredSchools administered;
    private final ObjectMapper json;

    DashboardPages(DashboardService dashboards, DashboardAccess access, GovernorService governors,
            SchoolService schools, AdministeredSchools administered, ObjectMapper json) {
        this.dashboards = dashboards;
        this.access = access;
        this.governors = governors;
        this.schools = schools;
        this.administered = administered;
        this.json = json;
    }

    /** Where "Dashboard" leads: the trust's for trust admins, else the person's own school's. */
    @GetMapping("/dashboard")
    String mine() {
        if (administered.isTrustAdmin()) {
            return "redirect:/trust/dashboard";
        }
        Long school = access.ownSchool();
        if (school == null) {
            throw new NotPermittedException("You have no dashboard to read.");
        }
        return "redirect:/schools/" + school + "/dashboard";
    }

    @GetMapping("/schools/{id}/dashboard")
    String school(@PathVariable("id") long schoolId, @RequestParam(required = false) String year, Model model) {
        SchoolDashboard dashboard = dashboard(schoolId, year);
        model.addAttribute("dashboard", dashboard);
        model.addAttribute("chartData", chartData(dashboard.tables()));
        model.addAttribute("years", schools.cyclesOf(schoolId).stream().map(c -> c.academicYear()).toList());
        if (governors.governor(currentUsername()).isPresent()) {
            model.addAttribute("governor", governors.governor(currentUsername()).get());
        }
        return "reporting/school-dashboard";
    }

    @GetMapping("/schools/{id}/dashboard/{table}.csv")
    ResponseEntity<String> schoolCsv(@PathVariable("id") long schoolId, @PathVariable String table,
            @RequestParam(required = false) String year) {
        SchoolDashboard dashboard = dashboard(schoolId, year);
        String prefix = dashboard.school().code() + "-" + dashboard.cycle().map(c -> c.academicYear().replace('/', '-'))
                .orElse("no-cycle") + "-";
        if (table.equals(CHECKLIST)) {
            return csv(prefix + CHECKLIST, checklistCsv(dashboard.checklist()));
        }
        DashboardTable found = dashboard.table(table)
                .orElseThrow(() -> new NotFoundException("This dashboard has no table " + table + "."));
        return csv(prefix + table, tableCsv(found));
    }

    @GetMapping("/trust/dashboard")
    String trust(@RequestParam(required = false) String year, Model model) {
        access.requireTrust();
        String academicYear = year(year);
        DashboardTable table = dashboards.trustDashboard(academicYear, LocalDateTime.now());
        model.addAttribute("academicYear", academicYear);
        model.addAttribute("table", table);
        model.addAttribute("chartData", chartData(List.of(table)));
        return "reporting/trust-dashboard";
    }

    @GetMapping("/trust/dashboard/schools.csv")
    ResponseEntity<String> trustCsv(@RequestParam(required = false) String year) {
        access.requireTrust();
        String academicYear = year(year);
        return csv("trust-" + academicYear.replace('/', '-') + "-schools",
                tableCsv(dashboards.trustDashboard(academicYear, LocalDateTime.now())));
    }

    @GetMapping("/schools/{id}/governors")
    String governors(@PathVariable("id") long schoolId, Model model) {
        access.requireGovernorsAdministration(schoolId);
        model.addAttribute("forSchool", schoolOf(schoolId));
        model.addAttribute("governors", governors.governorsOf(schoolId));
        model.addAttribute("errors", Map.of());
        model.addAttribute("form", Map.of());
        return "reporting/governors";
    }

    @PostMapping("/schools/{id}/governors")
    String addGovernor(@PathVariable("id") long schoolId, @RequestParam Map<String, String> form, Model model,
            RedirectAttributes redirect, HttpServletResponse response) {
        access.requireGovernorsAdministration(schoolId);
        try {
            Governor added = governors.addGovernor(schoolId, form.get("firstName"), form.get("lastName"),
                    form.get("email"), form.get("username"), form.get("password"));
            redirect.addFlashAttribute("message", added.fullName() + " can now log in as " + added.username()
                    + " and read the school's dashboard.");
            return "redirect:/schools/" + schoolId + "/governors";
        } catch (InvalidInput invalid) {
            model.addAttribute("forSchool", schoolOf(schoolId));
            model.addAttribute("governors", governors.governorsOf(schoolId));
            model.addAttribute("errors", invalid.fields());
            model.addAttribute("form", form);
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return "reporting/governors";
        }
    }

    /** A governor changes their own password (the one set when they were added is known to whoever added them). */
    @GetMapping(GOVERNOR_PASSWORD)
    String governorPassword(Model model) {
        model.addAttribute("errors", Map.of());
        return "reporting/governor-password";
    }

    @PostMapping(GOVERNOR_PASSWORD)
    String changeGovernorPassword(@RequestParam(required = false) String current,
            @RequestParam(required = false) String password, @RequestParam(required = false) String repeated,
            Model model, RedirectAttributes redirect, HttpServletResponse response) {
        try {
            governors.changeOwnPassword(current, password, repeated);
            redirect.addFlashAttribute("message", "Your password is changed. You are still logged in here; anywhere else "
                    + "you were logged in asks for the new one now.");
            return "redirect:" + GOVERNOR_PASSWORD;
        } catch (InvalidInput invalid) {
            model.addAttribute("errors", invalid.fields());
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return "reporting/governor-password";
        }
    }

    /** Stops a governor logging in (they stood down), or lets them in again; their account is kept. */
    @PostMapping("/schools/{id}/governors/{governorId}/active")
    String setGovernorActive(@PathVariable("id") long schoolId, @PathVariable long governorId,
            @RequestParam boolean active, RedirectAttributes redirect) {
        access.requireGovernorsAdministration(schoolId);
        Governor governor = governors.setActive(schoolId, governorId, active);
        redirect.addFlashAttribute("message", active ? governor.fullName() + " can log in again."
                : governor.fullName() + " can no longer log in.");
        return "redirect:/schools/" + schoolId + "/governors";
    }

    private SchoolDashboard dashboard(long schoolId, String year) {
        DashboardAccess.View view = access.require(schoolId);
        School school = schoolOf(schoolId);
        LocalDateTime now = LocalDateTime.now();
        var cycle = dashboards.cycleOf(school, year, now.toLocalDate());
        if (year != null && cycle.isEmpty()) {
            throw new NotFoundException(school.name() + " has no cycle for " + year + ".");
        }
        SchoolDashboard full = dashboards.schoolDashboard(school, cycle, now);
        return view == DashboardAccess.View.AGGREGATE ? dashboards.governorsView(full) : full;
    }

    private School schoolOf(long schoolId) {
        return schools.findSchool(schoolId).orElseThrow(() -> new NotFoundException("No such school."));
    }

    private static String year(String year) {
        if (year == null) {
            return SchoolService.academicYearOf(java.time.LocalDate.now());
        }
        if (!year.matches("\\d{4}/\\d{2}")) {
            throw new IllegalArgumentException("Write the academic year like 2026/27.");
        }
        return year;
    }

    /** The charts' data as JSON that can sit in the page: no character of it can end the element it is in. */
    private String chartData(List<DashboardTable> tables) {
        try {
            return json.writeValueAsString(tables.stream().filter(t -> t.chart() != DashboardTable.Chart.NONE)
                    .map(DashboardTable::chartData).toList())
                    .replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026");
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("The dashboard's figures could not be written as JSON", e);
        }
    }

    private static String tableCsv(DashboardTable table) {
        var header = new ArrayList<String>();
        header.add(table.groupHeading());
        header.add("People");
        table.columns().forEach(c -> header.add(c.name()));
        return write(header, printer -> {
            for (DashboardTable.Row row : table.rows()) {
                var record = new ArrayList<Object>();
                record.add(inert(row.label()));
                record.add(row.suppressed() ? DashboardTable.SUPPRESSED : row.people());
                for (Object value : row.values()) {
                    record.add(row.suppressed() ? DashboardTable.SUPPRESSED : inert(value));
                }
                printer.printRecord(record);
            }
        });
    }

    private static String checklistCsv(List<CheckPoint> points) {
        return write(List.of("Point", "What the school should show", "Source", "Status", "Figures"), printer -> {
            for (CheckPoint p : points) {
                printer.printRecord(p.number(), p.point(), p.source(), p.status().label(), p.detail());
            }
        });
    }

    /**
     * Text a spreadsheet would take for a formula (a team named "=HYPERLINK(...)") starts with an apostrophe,
     * which spreadsheets show as text.
     */
    static Object inert(Object value) {
        return value instanceof String text && !text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0
                ? "'" + text : value;
    }

    private interface Rows {
        void print(CSVPrinter printer) throws IOException;
    }

    private static String write(List<String> header, Rows rows) {
        var out = new StringWriter();
        try (var printer = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setHeader(header.toArray(String[]::new)).get())) {
            rows.print(printer);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private static ResponseEntity<String> csv(String name, String content) {
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name + ".csv").build().toString())
                .contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
                .body(content);
    }

    private static String currentUsername() {
        var authentication = org.springframework.security.core.context.SecurityContextHolder.getContext().getAuthentication();
        return authentication == null ? "" : authentication.getName();
    }
}
