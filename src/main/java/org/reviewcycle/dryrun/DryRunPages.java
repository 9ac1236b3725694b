package org.reviewcycle.dryrun;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import org.reviewcycle.common.InvalidInput;
import org.reviewcycle.security.AdministeredSchools;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * The dry run page of a school's cycle model, for its admins and trust admins:
 * {@code /admin/schools/{id}/cycle-model/dry-run} offers to run the cycle the school runs now, or an
 * uploaded BPMN model (with, optionally, an uploaded ReviewPlan decision), and shows the report.
 * Template templates/dryrun/dry-run.html.
 */
@Controller
class DryRunPages {

    private final DryRunService dryRuns;
    private final AdministeredSchools administered;

    DryRunPages(DryRunService dryRuns, AdministeredSchools administered) {
        this.dryRuns = dryRuns;
        this.administered = administered;
    }

    @GetMapping("/admin/schools/{schoolId}/cycle-model/dry-run")
    String page(@PathVariable long schoolId, Model model) {
        administered.require(schoolId);
        model.asMap().putIfAbsent("errors", Map.of());
        return "dryrun/dry-run";
    }

    @PostMapping("/admin/schools/{schoolId}/cycle-model/dry-run")
    String run(@PathVariable long schoolId, @RequestParam(required = false) MultipartFile bpmn,
            @RequestParam(required = false) MultipartFile dmn, Model model) {
        administered.require(schoolId);
        try {
            var errors = new LinkedHashMap<String, String>();
            String bpmnXml = upload(bpmn, ".bpmn", "BPMN model", "bpmn", errors);
            String dmnXml = upload(dmn, ".dmn", "ReviewPlan decision", "dmn", errors);
            if (!errors.isEmpty()) {
                throw new InvalidInput(errors);
            }
            model.addAttribute("report", dryRuns.dryRun(schoolId, new DryRunModel(bpmnXml, dmnXml, Map.of())));
            model.addAttribute("uploaded", bpmn != null && !bpmn.isEmpty() ? bpmn.getOriginalFilename() : null);
        } catch (InvalidInput e) {
            e.showOn(model, Map.of());
        }
        return page(schoolId, model);
    }

    /** The uploaded file's text; null when none was chosen. */
    static String upload(MultipartFile file, String ending, String what, String field, Map<String, String> errors) {
        if (file == null || file.getOriginalFilename() == null || file.getOriginalFilename().isBlank()) {
            return null;
        }
        if (!file.getOriginalFilename().toLowerCase(java.util.Locale.ROOT).endsWith(ending)) {
            errors.put(field, "Choose a " + ending + " file for the " + what + "; " + file.getOriginalFilename()
                    + " is not one.");
            return null;
        }
        if (file.isEmpty()) {
            errors.put(field, "The file " + file.getOriginalFilename() + " is empty.");
            return null;
        }
        try {
            return new String(file.getBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
