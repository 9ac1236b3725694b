package org.reviewcycle.dryrun;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.reviewcycle.common.InvalidInput;
import org.reviewcycle.security.AdministeredSchools;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The dry run for the editors and for scripts: {@code POST /api/schools/{schoolId}/dry-run}, as an
 * admin of that school or a trust admin. Either JSON, {@code {"bpmnXml": "...", "dmnXml": "...",
 * "forms": {"PlanningMeeting": {...form-js schema...}}}} (every field may be left out: the school's
 * current one is used; {@code {}} runs the cycle the school runs now), or multipart with the files
 * {@code bpmn}, {@code dmn} and {@code forms} (any number of .form files, each known by its id). The
 * answer is the report (DryRunReport), with {@code passed} and, when it failed, {@code refusal}.
 */
@RestController
class DryRunApi {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final DryRunService dryRuns;
    private final AdministeredSchools administered;

    DryRunApi(DryRunService dryRuns, AdministeredSchools administered) {
        this.dryRuns = dryRuns;
        this.administered = administered;
    }

    /** What the editors send; a form as its JSON schema or as the text of it. */
    record DryRunRequest(String bpmnXml, String dmnXml, Map<String, JsonNode> forms) {
    }

    @PostMapping(path = "/api/schools/{schoolId}/dry-run", consumes = MediaType.APPLICATION_JSON_VALUE)
    DryRunReport dryRun(@PathVariable long schoolId, @RequestBody DryRunRequest request) {
        administered.require(schoolId);
        var forms = new HashMap<String, String>();
        if (request.forms() != null) {
            request.forms().forEach((key, form) -> {
                if (form == null || form.isNull()) {
                    throw new IllegalArgumentException("The form \"" + key + "\" is empty.");
                }
                forms.put(key, form.isTextual() ? form.asText() : form.toString());
            });
        }
        return dryRuns.dryRun(schoolId, new DryRunModel(request.bpmnXml(), request.dmnXml(), forms));
    }

    @PostMapping(path = "/api/schools/{schoolId}/dry-run", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    DryRunReport dryRunFiles(@PathVariable long schoolId, @RequestParam(required = false) MultipartFile bpmn,
            @RequestParam(required = false) MultipartFile dmn,
            @RequestParam(required = false) List<MultipartFile> forms) {
        administered.require(schoolId);
        var errors = new LinkedHashMap<String, String>();
        String bpmnXml = DryRunPages.upload(bpmn, ".bpmn", "BPMN model", "bpmn", errors);
        String dmnXml = DryRunPages.upload(dmn, ".dmn", "ReviewPlan decision", "dmn", errors);
        var formsByKey = new HashMap<String, String>();
        for (MultipartFile file : forms == null ? List.<MultipartFile>of() : forms) {
            String form = DryRunPages.upload(file, ".form", "form", "forms", errors);
            if (form != null) {
                formsByKey.put(formKey(file.getOriginalFilename(), form), form);
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
        return dryRuns.dryRun(schoolId, new DryRunModel(bpmnXml, dmnXml, formsByKey));
    }

    private static String formKey(String fileName, String form) {
        try {
            JsonNode id = JSON.readTree(form).path("id");
            if (id.isTextual() && !id.asText().isBlank()) {
                return id.asText();
            }
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException("The form " + fileName + " is not valid JSON.");
        }
        return fileName.substring(0, fileName.length() - ".form".length());
    }
}
