package org.reviewcycle.cycledesign;

import java.util.List;
import java.util.Map;

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
 * The trust's default cycle, for trust admins only: /admin/trust/cycle-model lists its versions,
 * its files and where each school's cycle comes from; .../edit/{file} opens the same editors as a
 * school's (templates/cycledesign/editor.html), which load from and publish to .../files/{file},
 * with the school whose staff the dry run takes.
 */
@Controller
class TrustCyclePages {

    private static final String BASE = "/admin/trust/cycle-model";

    private final TrustCycleService trust;
    private final CycleDesignService design;
    private final AdministeredSchools administered;

    TrustCyclePages(TrustCycleService trust, CycleDesignService design, AdministeredSchools administered) {
        this.trust = trust;
        this.design = design;
        this.administered = administered;
    }

    /** What a trust admin's editor posts: the file, the comment, and the school whose staff the dry run takes. */
    record Publication(String content, String comment, Long dryRunSchoolId) {
    }

    /** One school on the trust's page, and where its cycle comes from. */
    record SchoolSource(School school, CycleSource source) {
    }

    @GetMapping(BASE)
    String versions(Model model) {
        administered.requireTrustAdmin();
        model.addAttribute("versions", trust.versions());
        model.addAttribute("files", trust.currentFiles());
        List<School> schools = openSchools();
        Map<Long, CycleSource> sources = design.sources(schools);
        model.addAttribute("schools", schools.stream()
                .map(school -> new SchoolSource(school, sources.get(school.id()))).toList());
        return "cycledesign/trust-cycle";
    }

    @GetMapping(BASE + "/edit/{fileName}")
    String editor(@PathVariable String fileName, Model model) {
        administered.requireTrustAdmin();
        CycleFile file = trust.currentFiles().stream().filter(f -> f.name().equals(fileName)).findFirst()
                .orElseThrow(() -> new NotFoundException("The trust's cycle has no file " + fileName + "."));
        model.addAttribute("dryRunSchools", openSchools());
        return CycleDesignPages.editorPage(model, file, BASE, "The trust’s default cycle");
    }

    @GetMapping(BASE + "/files/{fileName}")
    ResponseEntity<String> file(@PathVariable String fileName) {
        administered.requireTrustAdmin();
        return CycleDesignPages.text(trust.content(fileName));
    }

    @PostMapping(path = BASE + "/files/{fileName}", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<CycleDesignPages.Published> publish(@PathVariable String fileName,
            @RequestBody Publication publication) {
        administered.requireTrustAdmin();
        int version = trust.publish(fileName, publication.content(), publication.comment(),
                publication.dryRunSchoolId());
        return ResponseEntity.ok(new CycleDesignPages.Published(version, "Version " + version
                + " of the trust's default cycle is published. Schools that follow the trust are offered it; "
                + "no school's cycle has changed yet."));
    }

    private List<School> openSchools() {
        return administered.schools().stream().filter(school -> !school.closed()).toList();
    }
}
