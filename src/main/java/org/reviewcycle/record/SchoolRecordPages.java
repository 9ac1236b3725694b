package org.reviewcycle.record;

import java.io.IOException;
import java.nio.file.Files;

import org.reviewcycle.common.CurrentActor;
import org.reviewcycle.common.NotFoundException;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
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

/**
 * What a school's head and administrators do with its records as a whole: the written reports of a cycle as
 * one zip, built in the background with a bar that fills (templates/record/cycle-reports.html), and the
 * administrators the school names to read pay recommendations (templates/record/pay-readers.html).
 */
@Controller
class SchoolRecordPages {

    private final RecordService records;
    private final CycleReports zips;
    private final CurrentActor actor;

    SchoolRecordPages(RecordService records, CycleReports zips, CurrentActor actor) {
        this.records = records;
        this.zips = zips;
        this.actor = actor;
    }

    @GetMapping("/records/cycles/{cycleId}/reports")
    String cycleReports(@PathVariable long cycleId, Model model) {
        model.addAttribute("cycle", records.cycleToReport(cycleId));
        return "record/cycle-reports";
    }

    @PostMapping("/records/cycles/{cycleId}/reports")
    String buildZip(@PathVariable long cycleId) {
        var job = zips.start(records.cycleToReport(cycleId));
        return "redirect:/records/cycles/" + cycleId + "/reports/" + job.id();
    }

    @GetMapping("/records/cycles/{cycleId}/reports/{jobId}")
    String zipProgress(@PathVariable long cycleId, @PathVariable String jobId, Model model) {
        model.addAttribute("cycle", records.cycleToReport(cycleId));
        model.addAttribute("job", zips.job(jobId, actor.username(), cycleId));
        return "record/cycle-reports";
    }

    @GetMapping("/records/cycles/{cycleId}/reports/{jobId}/download")
    ResponseEntity<Resource> downloadZip(@PathVariable long cycleId, @PathVariable String jobId) throws IOException {
        records.cycleToReport(cycleId);
        var job = zips.job(jobId, actor.username(), cycleId);
        if (job.state() != CycleReports.State.READY) {
            throw new NotFoundException("The zip is not ready yet.");
        }
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("application/zip"))
                .contentLength(Files.size(job.file))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(job.fileName)
                        .build().toString())
                .body(new FileSystemResource(job.file));
    }

    /** The pay readers of the school the logged-in person is head or an administrator of. */
    @GetMapping("/records/pay-readers")
    String payReaders(Model model) {
        model.addAttribute("readers", records.payReaders());
        return "record/pay-readers";
    }

    @PostMapping("/records/pay-readers")
    String changePayReader(@RequestParam long staffId, @RequestParam boolean named, RedirectAttributes redirect) {
        var changed = records.setPayReader(staffId, named);
        redirect.addFlashAttribute("done", named ? changed.fullName() + " now reads pay recommendations."
                : changed.fullName() + " no longer reads pay recommendations.");
        return "redirect:/records/pay-readers";
    }
}
