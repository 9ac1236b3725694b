package org.reviewcycle.cycledesign;

import java.nio.charset.StandardCharsets;

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

/**
 * A school's cycle for its admins: /admin/schools/{id}/cycle-model lists the versions and the files
 * of the current one; .../cycle-model/edit/{file} opens the file's editor (templates/cycledesign/,
 * the bundles of src/main/frontend), which loads the file from and publishes it to
 * .../cycle-model/files/{file}. Only for an admin of the school (AdministeredSchools).
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
        return "cycledesign/versions";
    }

    @GetMapping("/admin/schools/{schoolId}/cycle-model/edit/{fileName}")
    String editor(@PathVariable long schoolId, @PathVariable String fileName, Model model) {
        CycleFile file = design.files(administered.require(schoolId)).stream().filter(f -> f.name().equals(fileName))
                .findFirst().orElseThrow(() -> new NotFoundException("The cycle has no file " + fileName + "."));
        model.addAttribute("file", file);
        return "cycledesign/editor";
    }

    @GetMapping("/admin/schools/{schoolId}/cycle-model/files/{fileName}")
    ResponseEntity<String> file(@PathVariable long schoolId, @PathVariable String fileName) {
        return ResponseEntity.ok().contentType(new MediaType(MediaType.TEXT_PLAIN, StandardCharsets.UTF_8))
                .header("Cache-Control", "no-store").body(design.content(administered.require(schoolId), fileName));
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
