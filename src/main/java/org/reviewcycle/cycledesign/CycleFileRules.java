package org.reviewcycle.cycledesign;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.camunda.bpm.engine.ParseException;
import org.reviewcycle.common.InvalidInput;
import org.reviewcycle.deploygate.SafeXml;
import org.reviewcycle.dryrun.DryRunModel;
import org.reviewcycle.dryrun.DryRunReport;
import org.reviewcycle.dryrun.DryRunService;
import org.reviewcycle.process.AnnualReviewCycleProcess;
import org.reviewcycle.school.School;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * What a changed file of a cycle must be before it is published, a school's (CycleDesignService)
 * or the trust's (TrustCycleService): the checks that can be made without running anything, and
 * the whole set of files as the dry run takes it.
 */
final class CycleFileRules {

    static final int MAX_FILE_LENGTH = 500_000;
    static final int MAX_COMMENT_LENGTH = 1000;
    private static final ObjectMapper JSON = new ObjectMapper();

    private CycleFileRules() {
    }

    /** The comment, trimmed; refused without one, or without content, or with too much. */
    static String requireCommentAndContent(String content, String comment) {
        var problems = new InvalidInput.Problems();
        String why = requireComment(problems, comment);
        if (content == null || content.isBlank()) {
            problems.add("content", "The file is empty: there is nothing to publish");
        } else if (content.length() > MAX_FILE_LENGTH) {
            problems.add("content", "The file is too large to publish (" + content.length() + " characters; at most "
                    + MAX_FILE_LENGTH + ")");
        }
        problems.throwIfAny();
        return why;
    }

    /** The comment (or a reason) trimmed, refused when blank or too long. */
    static String requireComment(String comment) {
        var problems = new InvalidInput.Problems();
        String why = requireComment(problems, comment);
        problems.throwIfAny();
        return why;
    }

    private static String requireComment(InvalidInput.Problems problems, String comment) {
        if (comment == null || comment.isBlank()) {
            problems.add("comment", "Say what changed, and why, in the comment: the school's history keeps it");
            return null;
        }
        return problems.text("comment", "The comment", comment, MAX_COMMENT_LENGTH);
    }

    /** Checks {@code content} as the new {@code file} of a cycle whose current one is {@code current}. */
    static void requireFileRules(CycleFile file, String content, String current) {
        if (file.kind() == CycleFile.Kind.FORM) {
            requireFormRules(file, content, current);
        } else {
            requireIds(file, content);
        }
    }

    /**
     * Tasklist finds a form by its id (camunda:formRef), which must stay the file's name; and the
     * form keeps the fields it had, under their keys: the task's listener reads each of them and
     * refuses a submission with a field it does not know (process.FormSubmission), so a field can
     * be relabelled, reworded, moved or given other rules, but not added, removed or renamed here.
     */
    private static void requireFormRules(CycleFile file, String content, String current) {
        JsonNode form;
        try {
            form = JSON.readTree(content);
        } catch (JsonProcessingException e) {
            throw InvalidInput.of("content", file.name() + " is not a form: it is not valid JSON (line "
                    + e.getLocation().getLineNr() + ").");
        }
        if (!form.path("id").asText("").equals(file.title())) {
            throw InvalidInput.of("content", "The form's id must stay " + file.title()
                    + ": the cycle's task finds its form by it.");
        }
        Set<String> keys = fieldKeys(form.path("components"), new TreeSet<>());
        Set<String> kept;
        try {
            kept = fieldKeys(JSON.readTree(current).path("components"), new TreeSet<>());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("The current " + file.name() + " cannot be read", e);
        }
        var missing = new TreeSet<>(kept);
        missing.removeAll(keys);
        var unknown = new TreeSet<>(keys);
        unknown.removeAll(kept);
        if (!missing.isEmpty()) {
            throw InvalidInput.of("content", "The form must keep the field" + (missing.size() > 1 ? "s " : " ")
                    + String.join(", ", missing) + " (by key): the cycle reads what is entered there.");
        }
        if (!unknown.isEmpty()) {
            throw InvalidInput.of("content", "The form has a field the cycle does not read (key "
                    + String.join(", ", unknown) + "): staff could not submit it. Change the fields it has instead.");
        }
    }

    /** The keys of the fields people fill in: components with a type and a key, also inside groups and lists. */
    static Set<String> fieldKeys(JsonNode components, Set<String> keys) {
        for (JsonNode component : components) {
            if (component.hasNonNull("type") && component.hasNonNull("key")) {
                keys.add(component.get("key").asText());
            }
            fieldKeys(component.path("components"), keys);
        }
        return keys;
    }

    /**
     * Before the dry run: the changed model must still define the process, the changed decision
     * table the decision, under the ids the services start and call. Read with a parser that takes
     * no DOCTYPE (the deploy gate reads every deployment the same way).
     */
    private static void requireIds(CycleFile file, String content) {
        Document document;
        try {
            document = SafeXml.parse(content.getBytes(StandardCharsets.UTF_8));
        } catch (SafeXml.NotReadable e) {
            throw InvalidInput.of("content", file.name() + " cannot be published: " + e.getMessage());
        }
        boolean bpmn = file.kind() == CycleFile.Kind.BPMN;
        // any version of the standard's namespace: the element's name is what matters
        NodeList elements = document.getElementsByTagNameNS("*", bpmn ? "process" : "decision");
        String wanted = bpmn ? AnnualReviewCycleProcess.KEY : AnnualReviewCycleProcess.REVIEW_PLAN_DECISION;
        for (int i = 0; i < elements.getLength(); i++) {
            if (wanted.equals(((Element) elements.item(i)).getAttribute("id"))) {
                return;
            }
        }
        throw InvalidInput.of("content", bpmn
                ? "The model must keep the process id " + wanted + ": reviews are started by it."
                : "The review plan must keep the decision id " + wanted + ": the cycle asks it how many observations each person has.");
    }

    /**
     * Runs the whole cycle {@code files} in the dry run with the staff and dates of {@code school}
     * (dryrun.DryRunService: in a transaction of its own, always rolled back, never on the live
     * tenant), and refuses it, with the dry run's first problem, while that finds one.
     */
    static void requireDryRunPassed(DryRunService dryRuns, School school, Map<String, String> files, String what) {
        DryRunReport dryRun;
        try {
            dryRun = dryRuns.dryRun(school.id(), wholeCycle(files));
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw InvalidInput.of("content", what + " cannot be published: " + e.getMessage());
        }
        if (!dryRun.passed()) {
            throw InvalidInput.of("content", dryRun.refusal());
        }
    }

    /** Every file of a cycle as the dry run takes it: the model, the decision, and the forms by their id. */
    static DryRunModel wholeCycle(Map<String, String> files) {
        String bpmn = null;
        String dmn = null;
        Map<String, String> forms = new HashMap<>();
        for (var file : files.entrySet()) {
            CycleFile kind = CycleFile.of(file.getKey());
            if (kind == null) {
                continue;
            }
            switch (kind.kind()) {
                case BPMN -> bpmn = file.getValue();
                case DMN -> dmn = file.getValue();
                case FORM -> forms.put(formId(kind, file.getValue()), file.getValue());
            }
        }
        return new DryRunModel(bpmn, dmn, forms);
    }

    private static String formId(CycleFile file, String content) {
        try {
            return JSON.readTree(content).path("id").asText(file.title());
        } catch (JsonProcessingException e) {
            throw InvalidInput.of("content", file.name() + " is not a form: it is not JSON (" + e.getOriginalMessage() + ")");
        }
    }

    /** The engine's parse errors as sentences: where (line, element) and what. */
    static String refusal(String what, ParseException e) {
        var problems = e.getResorceReports().stream().flatMap(report -> report.getErrors().stream())
                .map(p -> (p.getMainElementId() == null ? "" : p.getMainElementId() + ": ") + withoutCode(p.getMessage())
                        + (p.getLine() > 0 ? " (line " + p.getLine() + ")" : ""))
                .distinct().limit(5).toList();
        return what + " cannot be published: " + (problems.isEmpty() ? withoutCode(e.getMessage())
                : String.join("; ", problems)) + ".";
    }

    /** Camunda's messages start with a code (ENGINE-09005) that says nothing to an admin. */
    static String withoutCode(String message) {
        String text = message == null ? "the engine refused it" : message.replaceFirst("^[A-Z]+-\\d+\\s*", "").strip();
        return text.endsWith(".") ? text.substring(0, text.length() - 1) : text;
    }
}
