package org.reviewcycle.cycledesign;

import java.nio.charset.StandardCharsets;

import java.util.function.IntSupplier;

import org.reviewcycle.common.InvalidInput;
import org.reviewcycle.common.NotFoundException;
import org.reviewcycle.school.School;
import org.reviewcycle.security.AdministeredSchools;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A school's cycle for its admins: /admin/schools/{id}/cycle-model lists the versions and the files
 * of the current one, and whether the school follows the trust's default; .../cycle-model/edit/{file}
 * opens the file's editor (templates/cycledesign/, the bundles of src/main/frontend), which loads the
 * file from and publishes it to .../cycle-model/files/{file}; .../versions/{n}/diff compares a
 * version with the one before (the bpmn-diff bundle reads both models from .../versions/{n}/files/{file});
 * a version is published again (.../roll-back) and the trust's default adopted (.../adopt) from the
 * versions page. Only for an admin of the school (AdministeredSchools).
 */
@Controller
class CycleDesignPages {

    private final CycleDesignService design;
    private final AdministeredSchools administered;

    CycleDesignPages(CycleDesignService design, AdministeredSchools administered) {
        this.design = design;
        this.administered = administered;
    }

    /** What an editor posts: the file as the editor saved it, and the admin's comment. */
    record Publication(String content, String comment) {
    }

    /** The answer to a publication: the new version, and a sentence saying so. */
    record Published(int version, String message) {
    }

    @GetMapping("/admin/schools/{schoolId}/cycle-model")
    String versions(@PathVariable long schoolId, Model model) {
        School school = administered.require(schoolId);
        model.addAttribute("versions", design.versions(school));
        model.addAttribute("files", design.files(school));
        model.addAttribute("source", design.source(school));
        return "cycledesign/versions";
    }

    @GetMapping("/admin/schools/{schoolId}/cycle-model/edit/{fileName}")
    String editor(@PathVariable long schoolId, @PathVariable String fileName, Model model) {
        CycleFile file = design.files(administered.require(schoolId)).stream().filter(f -> f.name().equals(fileName))
                .findFirst().orElseThrow(() -> new NotFoundException("The cycle has no file " + fileName + "."));
        String base = "/admin/schools/" + schoolId + "/cycle-model";
        return editorPage(model, file, base, "The cycle’s versions");
    }

    /** The editor page (templates/cycledesign/editor.html) of a file under {@code base}, a school's cycle or the trust's. */
    static String editorPage(Model model, CycleFile file, String base, String backTo) {
        model.addAttribute("file", file);
        model.addAttribute("fileUrl", base + "/files/" + file.name());
        model.addAttribute("backUrl", base);
        model.addAttribute("backTo", backTo);
        return "cycledesign/editor";
    }

    @GetMapping("/admin/schools/{schoolId}/cycle-model/files/{fileName}")
    ResponseEntity<String> file(@PathVariable long schoolId, @PathVariable String fileName) {
        return text(design.content(administered.require(schoolId), fileName));
    }

    /** A file of an earlier version, as the diff page's script reads it. */
    @GetMapping("/admin/schools/{schoolId}/cycle-model/versions/{version}/files/{fileName}")
    ResponseEntity<String> versionFile(@PathVariable long schoolId, @PathVariable int version,
            @PathVariable String fileName) {
        return text(design.content(administered.require(schoolId), version, fileName));
    }

    static ResponseEntity<String> text(String content) {
        return ResponseEntity.ok().contentType(new MediaType(MediaType.TEXT_PLAIN, StandardCharsets.UTF_8))
                .header("Cache-Control", "no-store").body(content);
    }

    @GetMapping("/admin/schools/{schoolId}/cycle-model/versions/{version}/diff")
    String diff(@PathVariable long schoolId, @PathVariable int version, Model model) {
        model.addAttribute("comparison", design.compare(administered.require(schoolId), version));
        return "cycledesign/diff";
    }

    @PostMapping("/admin/schools/{schoolId}/cycle-model/versions/{version}/roll-back")
    String rollBack(@PathVariable long schoolId, @PathVariable int version, @RequestParam(required = false) String reason,
            RedirectAttributes redirect) {
        School school = administered.require(schoolId);
        return afterPublishing(school, redirect, () -> design.rollBack(school, version, reason));
    }

    @PostMapping("/admin/schools/{schoolId}/cycle-model/adopt")
    String adopt(@PathVariable long schoolId, RedirectAttributes redirect) {
        School school = administered.require(schoolId);
        return afterPublishing(school, redirect, () -> design.adopt(school));
    }

    @PostMapping("/admin/schools/{schoolId}/cycle-model/keep-own")
    String keepOwnCopy(@PathVariable long schoolId, RedirectAttributes redirect) {
        School school = administered.require(schoolId);
        design.keepOwnCopy(school);
        redirect.addFlashAttribute("message", school.name() + " keeps its own copy of the cycle: the trust's new "
                + "versions are no longer offered to it.");
        return "redirect:/admin/schools/" + schoolId + "/cycle-model";
    }

    /** Back to the versions page, saying which version is published, or why nothing was (the page shows it at the top). */
    private static String afterPublishing(School school, RedirectAttributes redirect, IntSupplier publishing) {
        try {
            int version = publishing.getAsInt();
            redirect.addFlashAttribute("message", "Version " + version + " of the cycle is published for "
                    + school.name() + ": new reviews start on it. Reviews already running stay on their version.");
        } catch (InvalidInput | IllegalStateException e) {
            redirect.addFlashAttribute("refusal", e.getMessage());
        }
        return "redirect:/admin/schools/" + school.id() + "/cycle-model";
    }

    @PostMapping(path = "/admin/schools/{schoolId}/cycle-model/files/{fileName}", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Published> publish(@PathVariable long schoolId, @PathVariable String fileName,
            @RequestBody Publication publication) {
        School school = administered.require(schoolId);
        int version = design.publish(school, fileName, publication.content(), publication.comment());
        return ResponseEntity.ok(new Published(version, "Version " + version + " of the cycle is published for "
                + school.name() + ": new reviews start on it."));
    }
}
