package org.reviewcycle.process;

import static java.util.Map.entry;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.reviewcycle.objective.ObjectiveService;
import org.reviewcycle.observation.ObservationService;
import org.reviewcycle.review.ReviewService;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Every free-text field of every form (forms/*.form) stops where the server stops, and says so
 * before anyone types: its validate.maxLength is the limit the feature service applies to what is
 * submitted there, and its description reads "Up to 2,000 characters." A new text field fails this
 * test until it is listed here with the service constant that limits it.
 */
class FormLimitsTest {

    private static final Path FORMS = Path.of("forms");
    private static final ObjectMapper JSON = new ObjectMapper();

    /** form/field (form/list.field inside a dynamic list) to the limit its service applies. */
    static final Map<String, Integer> SERVER_LIMITS = Map.ofEntries(
            entry("SelfReflection/strengths", ReviewService.TEXT_LENGTH),
            entry("SelfReflection/developmentWishes", ReviewService.TEXT_LENGTH),
            entry("SelfReflection/objectiveIdeas", ReviewService.TEXT_LENGTH),
            entry("PlanningMeeting/objectives.title", ObjectiveService.TITLE_LENGTH),
            entry("PlanningMeeting/objectives.successCriteria", ObjectiveService.TEXT_LENGTH),
            entry("PlanningMeeting/objectives.evidence", ObjectiveService.TEXT_LENGTH),
            entry("PlanningMeeting/objectives.cpdSupport", ObjectiveService.TEXT_LENGTH),
            entry("ApproveObjectives/returnReason", ObjectiveService.TEXT_LENGTH),
            entry("AcknowledgeObjectives/disagreementReason", ObjectiveService.TEXT_LENGTH),
            entry("MidYearCheck/progress.title", ObjectiveService.TITLE_LENGTH),
            entry("MidYearCheck/progress.successCriteria", ObjectiveService.TEXT_LENGTH),
            entry("MidYearCheck/progress.note", ReviewService.TEXT_LENGTH),
            entry("MidYearCheck/overallNote", ReviewService.TEXT_LENGTH),
            entry("LessonObservation/strengths", ObservationService.TEXT_LENGTH),
            entry("LessonObservation/areasToDevelop", ObservationService.TEXT_LENGTH),
            entry("LessonObservation/cpdNeeds", ObservationService.TEXT_LENGTH),
            entry("FinalReview/outcomes.evidence", ReviewService.TEXT_LENGTH),
            entry("FinalReview/impactOnPupils", ReviewService.TEXT_LENGTH),
            entry("FinalReview/impactOnPractice", ReviewService.TEXT_LENGTH),
            entry("FinalReview/impactOnColleagues", ReviewService.TEXT_LENGTH),
            entry("FinalReview/cpdUndertaken", ReviewService.TEXT_LENGTH),
            entry("FinalReview/cpdImpact", ReviewService.TEXT_LENGTH),
            entry("FinalReview/developmentNeeds", ReviewService.TEXT_LENGTH),
            entry("FinalReview/payReason", ReviewService.TEXT_LENGTH),
            entry("RevieweeSignOff/revieweeComments", ReviewService.TEXT_LENGTH),
            entry("RevieweeSignOff/disagreementReason", ReviewService.TEXT_LENGTH),
            entry("SelfReview/selfReview.achieved", ReviewService.TEXT_LENGTH),
            entry("SelfReview/selfReview.evidence", ReviewService.TEXT_LENGTH),
            entry("SelfReview/overall", ReviewService.TEXT_LENGTH),
            entry("RespondToObjectivesDisagreement/headResponse", ReviewService.TEXT_LENGTH),
            entry("RespondToFinalReviewDisagreement/headResponse", ReviewService.TEXT_LENGTH),
            entry("HeadSignOff/returnReason", ReviewService.TEXT_LENGTH),
            entry("HeadSignOff/moderationNote", ReviewService.TEXT_LENGTH));

    record TextField(String name, JsonNode component) {
    }

    @Test
    void everyFreeTextFieldHasTheServersLimitAndShowsIt() throws IOException {
        List<TextField> fields = textFields();
        var problems = new ArrayList<String>();
        for (TextField field : fields) {
            Integer server = SERVER_LIMITS.get(field.name());
            JsonNode maxLength = field.component().path("validate").path("maxLength");
            String description = field.component().path("description").asText("");
            if (server == null) {
                problems.add(field.name() + ": no server limit listed in this test");
            } else if (!maxLength.isInt() || maxLength.asInt() != server) {
                problems.add(field.name() + ": validate.maxLength is " + maxLength + ", the server takes " + server);
            } else if (!description.endsWith(shown(server))) {
                problems.add(field.name() + ": the description does not end with '" + shown(server) + "': " + description);
            }
        }
        assertThat(problems).as("text fields whose limit is wrong or not shown").isEmpty();
        assertThat(fields).extracting(TextField::name).containsExactlyInAnyOrderElementsOf(SERVER_LIMITS.keySet());
    }

    static String shown(int limit) {
        return "Up to " + NumberFormat.getIntegerInstance(Locale.UK).format(limit) + " characters.";
    }

    /** The fields people type text into: textfields and textareas that are not read-only. */
    static List<TextField> textFields() throws IOException {
        var fields = new TreeMap<String, JsonNode>();
        try (Stream<Path> files = Files.list(FORMS)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".form")).sorted().toList()) {
                String form = file.getFileName().toString().replace(".form", "");
                collect(JSON.readTree(file.toFile()).path("components"), form + "/", fields);
            }
        }
        return fields.entrySet().stream().map(e -> new TextField(e.getKey(), e.getValue())).toList();
    }

    private static void collect(JsonNode components, String prefix, Map<String, JsonNode> fields) {
        for (JsonNode component : components) {
            String type = component.path("type").asText();
            if ((type.equals("textarea") || type.equals("textfield")) && !component.path("readonly").asBoolean(false)) {
                fields.put(prefix + component.path("key").asText(), component);
            }
            if (component.has("components")) {
                String path = component.path("path").asText("");
                collect(component.path("components"), path.isEmpty() ? prefix : prefix + path + ".", fields);
            }
        }
    }
}
