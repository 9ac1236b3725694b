package org.reviewcycle.staff;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import org.reviewcycle.security.AdministeredSchools;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The MIS import for a trust's scripts: {@code POST /api/schools/{schoolId}/staff/import} with
 * {@code {"dryRun": true, "markMissingAsLeavers": false, "rows": [{"staffNumber": "T001", ...}]}}.
 * Row fields are our fields' names ({@code staffNumber firstName lastName email jobTitle category team
 * reviewerStaffNumber startedOn leftOn}); a field left out is left as it is. The answer is the preview
 * (a row's "line" is its number in {@code rows}, from 1); a dry run only previews; an import with bad
 * rows is refused (400) with them, and nothing is written. Same rules as the page.
 */
@RestController
class StaffImportApi {

    private static final Map<String, ImportField> FIELDS = Arrays.stream(ImportField.values())
            .collect(Collectors.toMap(StaffImportApi::jsonName, f -> f));

    private final StaffService staff;
    private final AdministeredSchools administered;

    StaffImportApi(StaffService staff, AdministeredSchools administered) {
        this.staff = staff;
        this.administered = administered;
    }

    /** What a script sends. */
    record ImportRequest(Boolean dryRun, Boolean markMissingAsLeavers, List<Map<String, String>> rows) {
    }

    /** What it gets back: whether anything was written, and the preview. */
    record ImportAnswer(boolean dryRun, boolean imported, List<ImportPreview.Created> created,
            List<ImportPreview.Changed> changed, int unchanged, List<ImportPreview.Leaver> leavers,
            List<ImportPreview.Problem> problems) {
    }

    @PostMapping("/api/schools/{schoolId}/staff/import")
    ResponseEntity<ImportAnswer> importStaff(@PathVariable long schoolId, @RequestBody ImportRequest request) {
        var school = administered.require(schoolId);
        if (request.rows() == null) {
            throw new IllegalArgumentException("The request has no \"rows\".");
        }
        var rows = new ArrayList<ImportRow>();
        for (int i = 0; i < request.rows().size(); i++) {
            Map<ImportField, String> values = new EnumMap<>(ImportField.class);
            Map<String, String> row = request.rows().get(i);
            if (row == null) {
                throw new IllegalArgumentException("Row " + (i + 1) + " is empty.");
            }
            for (var entry : row.entrySet()) {
                ImportField field = FIELDS.get(entry.getKey());
                if (field == null) {
                    throw new IllegalArgumentException("Row " + (i + 1) + " has a field \"" + entry.getKey()
                            + "\" that is not one of ours: " + String.join(", ", FIELDS.keySet()) + ".");
                }
                values.put(field, entry.getValue());
            }
            rows.add(new ImportRow(i + 1, values));
        }
        boolean dryRun = !Boolean.FALSE.equals(request.dryRun());
        var preview = staff.importRows(schoolId, school.name(), rows, dryRun,
                Boolean.TRUE.equals(request.markMissingAsLeavers()));
        boolean imported = !dryRun && preview.importable();
        var answer = new ImportAnswer(dryRun, imported, preview.created(), preview.changed(), preview.unchanged(),
                preview.leavers(), preview.problems());
        return !dryRun && !imported ? ResponseEntity.badRequest().body(answer) : ResponseEntity.ok(answer);
    }

    /** STAFF_NUMBER as staffNumber. */
    static String jsonName(ImportField field) {
        String[] words = field.name().toLowerCase(Locale.ROOT).split("_");
        var name = new StringBuilder(words[0]);
        for (int i = 1; i < words.length; i++) {
            name.append(Character.toUpperCase(words[i].charAt(0))).append(words[i].substring(1));
        }
        return name.toString();
    }
}
