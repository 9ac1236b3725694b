package org.reviewcycle.staff;

import java.io.IOException;
import java.io.InputStream;
import java.util.EnumMap;
import java.util.Map;

import org.reviewcycle.security.AdministeredSchools;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.unit.DataSize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The MIS import in the browser, one step per page: upload (templates/staff/import-upload.html),
 * match the file's columns to our fields (import-mapping.html), the preview (import-preview.html),
 * then the import itself, which ends on the staff page. The file is kept in the database between
 * the steps ({@link StaffService#uploadStaffFile}), so any node of a cluster can take the next one.
 */
@Controller
@RequestMapping("/admin/schools/{schoolId}/import")
class StaffImportPages {

    private static final String MAPPING_PREFIX = "column.";

    private final StaffService staff;
    private final AdministeredSchools administered;
    private final DataSize uploadLimit;

    StaffImportPages(StaffService staff, AdministeredSchools administered,
            @Value("${reviewcycle.request-limits.multipart}") DataSize uploadLimit) {
        this.staff = staff;
        this.administered = administered;
        this.uploadLimit = uploadLimit;
    }

    @GetMapping
    String upload(@PathVariable long schoolId, Model model) {
        administered.require(schoolId);
        return uploadPage(null, model);
    }

    @PostMapping
    String receive(@PathVariable long schoolId, @RequestParam(required = false) MultipartFile file, Model model)
            throws IOException {
        administered.require(schoolId);
        if (file == null || file.isEmpty()) {
            return uploadPage("Choose the CSV file your MIS exported.", model);
        }
        byte[] content;
        try (InputStream in = file.getInputStream()) {
            content = in.readAllBytes();
        }
        try {
            long uploadId = staff.uploadStaffFile(schoolId, file.getOriginalFilename(), content);
            return "redirect:/admin/schools/" + schoolId + "/import/" + uploadId;
        } catch (IllegalArgumentException e) {
            return uploadPage(e.getMessage(), model);
        }
    }

    @GetMapping("/{uploadId}")
    String mapping(@PathVariable long schoolId, @PathVariable long uploadId, Model model) {
        administered.require(schoolId);
        return mappingPage(staff.uploadedFile(schoolId, uploadId), null, null, false, model);
    }

    @PostMapping("/{uploadId}/preview")
    String preview(@PathVariable long schoolId, @PathVariable long uploadId, @RequestParam Map<String, String> form,
            @RequestParam(defaultValue = "false") boolean leavers, Model model) {
        administered.require(schoolId);
        Map<ImportField, String> mapping = new EnumMap<>(ImportField.class);
        for (ImportField field : ImportField.values()) {
            String heading = form.get(MAPPING_PREFIX + field.name());
            if (heading != null && !heading.isEmpty()) {
                mapping.put(field, heading);
            }
        }
        UploadedFile file = staff.uploadedFile(schoolId, uploadId);
        var missing = java.util.Arrays.stream(ImportField.values()).filter(f -> f.required() && !mapping.containsKey(f))
                .toList();
        if (!missing.isEmpty()) {
            var errors = new EnumMap<ImportField, String>(ImportField.class);
            missing.forEach(f -> errors.put(f, "Choose the column that holds the " + f.label().toLowerCase()));
            return mappingPage(file, mapping, errors, leavers, model);
        }
        model.addAttribute("file", file);
        model.addAttribute("leavers", leavers);
        model.addAttribute("preview", staff.previewImport(schoolId, uploadId, mapping, leavers));
        return "staff/import-preview";
    }

    @PostMapping("/{uploadId}/confirm")
    String confirm(@PathVariable long schoolId, @PathVariable long uploadId,
            @RequestParam(defaultValue = "false") boolean leavers, RedirectAttributes redirect) {
        var school = administered.require(schoolId);
        var done = staff.importFile(schoolId, school.name(), uploadId, leavers);
        redirect.addFlashAttribute("done", String.format("The staff file was imported: %d added, %d changed, %d left "
                + "as they were, %d marked as leavers.", done.created().size(), done.changed().size(), done.unchanged(),
                done.leavers().size()));
        return "redirect:/admin/schools/" + schoolId + "/staff";
    }

    private String uploadPage(String error, Model model) {
        model.addAttribute("error", error);
        model.addAttribute("maxBytes", uploadLimit.toBytes());
        model.addAttribute("maxSize", uploadLimit.toMegabytes() + " MB");
        model.addAttribute("maxRows", StaffService.MAX_IMPORT_ROWS);
        return "staff/import-upload";
    }

    private String mappingPage(UploadedFile file, Map<ImportField, String> chosen, Map<ImportField, String> errors,
            boolean leavers, Model model) {
        model.addAttribute("file", file);
        model.addAttribute("chosen", chosen == null ? file.mapping() : chosen);
        model.addAttribute("errors", errors == null ? Map.of() : errors);
        model.addAttribute("fields", ImportField.values());
        model.addAttribute("leavers", leavers);
        return "staff/import-mapping";
    }
}
