package org.reviewcycle.cycles;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.reviewcycle.common.NotFoundException;
import org.reviewcycle.process.CycleLauncher;
import org.reviewcycle.process.LaunchReport;
import org.reviewcycle.school.ReviewCycle;
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
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * Launching a cycle from its page: Launch begins a background launch (CycleLaunches) and opens its
 * page, whose bar a small script (static/reviewcycle/launch-progress.js) fills from the progress
 * JSON; Stop; and at the end the launch report, as a page and as CSV. Also the launch for API
 * clients, {@code POST /api/cycles/{cycleId}/launch}, which answers when every review has started.
 */
@Controller
class LaunchPages {

    private final CycleService cycles;
    private final CycleLaunches launches;
    private final CycleLauncher launcher;
    private final SchoolService schools;
    private final AdministeredSchools administered;

    LaunchPages(CycleService cycles, CycleLaunches launches, CycleLauncher launcher, SchoolService schools,
            AdministeredSchools administered) {
        this.cycles = cycles;
        this.launches = launches;
        this.launcher = launcher;
        this.schools = schools;
        this.administered = administered;
    }

    /** What the page's script reads: where the launch stands, in numbers and in words. */
    public record Progress(String state, String stateText, boolean running, int toStart, int started, int alreadyRunning,
            int percent) {

        static Progress of(Launch launch) {
            return new Progress(launch.state().name(), launch.state().label(), launch.running(), launch.toStart(),
                    launch.started(), launch.alreadyRunning(), launch.percent());
        }
    }

    @PostMapping("/admin/schools/{schoolId}/cycles/{cycleId}/launches")
    String begin(@PathVariable long schoolId, @PathVariable long cycleId) {
        cycles.cycleOf(schoolId, cycleId);
        long launchId = launches.begin(cycleId);
        return "redirect:/admin/schools/" + schoolId + "/cycles/" + cycleId + "/launches/" + launchId;
    }

    @GetMapping("/admin/schools/{schoolId}/cycles/{cycleId}/launches/{launchId}")
    String launch(@PathVariable long schoolId, @PathVariable long cycleId, @PathVariable long launchId, Model model) {
        model.addAttribute("cycle", cycles.cycleOf(schoolId, cycleId));
        Launch launch = launchOf(cycleId, launchId);
        model.addAttribute("launch", launch);
        model.addAttribute("startedBy", launches.startedBy(launch));
        model.addAttribute("skipped", launches.skipped(launchId));
        return "cycles/launch";
    }

    @GetMapping(value = "/admin/schools/{schoolId}/cycles/{cycleId}/launches/{launchId}/progress",
            produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    Progress progress(@PathVariable long schoolId, @PathVariable long cycleId, @PathVariable long launchId) {
        cycles.cycleOf(schoolId, cycleId);
        return Progress.of(launchOf(cycleId, launchId));
    }

    @PostMapping("/admin/schools/{schoolId}/cycles/{cycleId}/launches/{launchId}/stop")
    String stop(@PathVariable long schoolId, @PathVariable long cycleId, @PathVariable long launchId) {
        cycles.cycleOf(schoolId, cycleId);
        launches.stop(launchOf(cycleId, launchId).id());
        return "redirect:/admin/schools/" + schoolId + "/cycles/" + cycleId + "/launches/" + launchId;
    }

    /**
     * The launch report's list as CSV, for a spreadsheet: who was given no review, and why (the
     * reviews started are on the reviews page).
     */
    @GetMapping("/admin/schools/{schoolId}/cycles/{cycleId}/launches/{launchId}/report.csv")
    ResponseEntity<byte[]> reportCsv(@PathVariable long schoolId, @PathVariable long cycleId,
            @PathVariable long launchId) {
        School school = administered.require(schoolId);
        ReviewCycle cycle = cycles.cycleOf(schoolId, cycleId);
        launchOf(cycleId, launchId);
        var csv = new StringWriter();
        try (var printer = new CSVPrinter(csv, CSVFormat.EXCEL.builder()
                .setHeader("Staff number", "Name", "Job title", "Why no review").get())) {
            for (LaunchSkip skip : launches.skipped(launchId)) {
                printer.printRecord(skip.staffNumber(), skip.name(), skip.jobTitle(), skip.reason());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String name = "launch-report-" + school.code() + "-" + cycle.academicYear().replace('/', '-') + ".csv";
        // a byte order mark, so that Excel reads the names as UTF-8
        byte[] body = ("\uFEFF" + csv).getBytes(StandardCharsets.UTF_8);
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build().toString())
                .body(body);
    }

    /**
     * The launch for API clients: starts every review it can before it answers, with the report.
     * Refused for a cycle of a school the caller does not administer.
     */
    @PostMapping(value = "/api/cycles/{cycleId}/launch", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    LaunchReport launchThroughApi(@PathVariable long cycleId) {
        ReviewCycle cycle = schools.findCycle(cycleId)
                .orElseThrow(() -> new IllegalArgumentException("No review cycle with id " + cycleId));
        administered.require(cycle.schoolId());
        return launcher.launch(cycleId);
    }

    private Launch launchOf(long cycleId, long launchId) {
        return launches.findOf(cycleId, launchId)
                .orElseThrow(() -> new NotFoundException("This cycle has no such launch."));
    }
}
