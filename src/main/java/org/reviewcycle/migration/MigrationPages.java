package org.reviewcycle.migration;

import java.util.LinkedHashMap;
import java.util.Map;

import org.reviewcycle.common.InvalidInput;
import org.reviewcycle.school.School;
import org.reviewcycle.security.AdministeredSchools;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * Moving running reviews onto another version of a school's cycle, for the school's admins and the
 * trust's: {@code /admin/schools/{id}/cycle-model/migrate} chooses the reviews (all, or those at one
 * step) and the version, and previews each review (templates/migration/migrate.html); posting it
 * starts the move; {@code .../migrations/{mid}} shows its progress (templates/migration/progress.html,
 * refreshed by /reviewcycle/migration-progress.js from {@code .../progress}) and then the result.
 */
@Controller
class MigrationPages {

    private final ReviewMigrations migrations;
    private final AdministeredSchools administered;

    MigrationPages(ReviewMigrations migrations, AdministeredSchools administered) {
        this.migrations = migrations;
        this.administered = administered;
    }

    @GetMapping("/admin/schools/{schoolId}/cycle-model/migrate")
    String choose(@PathVariable long schoolId, @RequestParam(required = false) String version,
            @RequestParam(required = false) String step, Model model) {
        School school = administered.require(schoolId);
        if (version != null) {
            try {
                model.addAttribute("preview", migrations.preview(school, versionNumber(version), step));
            } catch (InvalidInput e) {
                e.showOn(model, typed(version, step));
            }
        }
        return page(school, version, step, model);
    }

    @PostMapping("/admin/schools/{schoolId}/cycle-model/migrate")
    String start(@PathVariable long schoolId, @RequestParam(required = false) String version,
            @RequestParam(required = false) String step, Model model) {
        School school = administered.require(schoolId);
        try {
            long id = migrations.start(school, versionNumber(version), step);
            return "redirect:/admin/schools/" + schoolId + "/cycle-model/migrations/" + id;
        } catch (InvalidInput e) {
            e.showOn(model, typed(version, step));
            return page(school, version, step, model);
        }
    }

    @GetMapping("/admin/schools/{schoolId}/cycle-model/migrations/{migrationId}")
    String progress(@PathVariable long schoolId, @PathVariable long migrationId, Model model) {
        model.addAttribute("progress", migrations.progress(administered.require(schoolId), migrationId));
        return "migration/progress";
    }

    @GetMapping(path = "/admin/schools/{schoolId}/cycle-model/migrations/{migrationId}/progress",
            produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    MigrationProgress progressJson(@PathVariable long schoolId, @PathVariable long migrationId) {
        return migrations.progress(administered.require(schoolId), migrationId);
    }

    private String page(School school, String version, String step, Model model) {
        model.asMap().putIfAbsent("errors", Map.of());
        model.asMap().putIfAbsent("form", typed(version, step));
        model.addAttribute("versions", migrations.versions(school));
        model.addAttribute("steps", migrations.currentSteps(school));
        model.addAttribute("earlier", migrations.migrations(school));
        return "migration/migrate";
    }

    private static Map<String, String> typed(String version, String step) {
        var typed = new LinkedHashMap<String, String>();
        typed.put("version", version == null ? "" : version);
        typed.put("step", step == null ? "" : step);
        return typed;
    }

    private static Integer versionNumber(String version) {
        if (version == null || version.isBlank()) {
            throw InvalidInput.of("version", "Choose the version to move the reviews onto.");
        }
        try {
            return Integer.valueOf(version.strip());
        } catch (NumberFormatException e) {
            throw InvalidInput.of("version", "“" + version.strip() + "” is not a version number: choose one from the list.");
        }
    }
}
