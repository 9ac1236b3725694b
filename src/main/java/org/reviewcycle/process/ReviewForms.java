package org.reviewcycle.process;

import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.camunda.spin.plugin.variable.SpinValues;
import org.reviewcycle.objective.Decision;
import org.reviewcycle.objective.Objective;
import org.reviewcycle.objective.ObjectiveDecision;
import org.reviewcycle.objective.ObjectiveResponse;
import org.reviewcycle.objective.ObjectiveService;
import org.reviewcycle.objective.Response;
import org.reviewcycle.review.FinalReview;
import org.reviewcycle.review.ReviewFacts;
import org.reviewcycle.review.ReviewService;
import org.reviewcycle.school.SchoolPriority;
import org.reviewcycle.school.SchoolService;
import org.reviewcycle.staff.StaffMember;
import org.reviewcycle.staff.StaffService;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The variables the forms show (see forms/*.form), read from our tables: the facts every form
 * introduces itself with when the form opens ({@link #commonFacts}), the rest when a task is
 * created, put on the task only: lists as Json, which form-js tables and dynamic lists read. What a
 * text component shows goes through {@link FormText#literal} (people's words stay words); what a
 * table or an input shows stays as typed.
 */
@Component
class ReviewForms {

    static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy");
    static final DateTimeFormatter DAY_AND_TIME = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm");
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The names the forms' introductions use for the reviewee and their team leader. */
    static final String REVIEWEE_NAME = "revieweeName";
    static final String REVIEWER_NAME = "reviewerName";

    private final ReviewService reviews;
    private final ObjectiveService objectives;
    private final SchoolService schools;
    private final StaffService staff;

    ReviewForms(ReviewService reviews, ObjectiveService objectives, SchoolService schools, StaffService staff) {
        this.reviews = reviews;
        this.objectives = objectives;
        this.schools = schools;
        this.staff = staff;
    }

    ReviewFacts facts(long reviewId) {
        return reviews.facts(reviewId);
    }

    /**
     * What every review form introduces itself with (whose review, their job, their team leader,
     * the school, the year), as text components show it. Not kept on the task: read from our
     * tables each time a form opens ({@link FormFactsInAnswers}), so a form always names the
     * current team leader, and a launch writes five variables fewer per review.
     */
    Map<String, String> commonFacts(ReviewFacts facts) {
        var shown = new LinkedHashMap<String, String>();
        shown.put(REVIEWEE_NAME, FormText.literal(facts.reviewee().fullName()));
        shown.put("revieweeJobTitle", FormText.literal(facts.reviewee().jobTitle()));
        shown.put(REVIEWER_NAME, FormText.literal(facts.reviewer().fullName()));
        shown.put("schoolName", FormText.literal(facts.school().name()));
        shown.put("cycleYear", FormText.literal(facts.cycle().academicYear()));
        return shown;
    }

    void showObjectives(DelegateTask task, ReviewFacts facts) {
        Map<Long, SchoolPriority> priorities = priorities(facts);
        showList(task, "objectivesTable", objectives.currentObjectives(facts.review().id()).stream()
                .map(o -> row("position", o.position(), "title", o.title(),
                        "priority", priorityLabel(priorities.get(o.priorityId())),
                        "successCriteria", o.successCriteria(), "evidence", o.evidence(),
                        "cpdSupport", text(o.cpdSupport()), "joint", o.joint() ? "Joint team objective" : ""))
                .toList());
    }

    void showDecisionHistory(DelegateTask task, ReviewFacts facts) {
        showList(task, "decisionHistory", objectives.decisions(facts.review().id()).stream()
                .map(d -> row("decidedAt", d.decidedAt() == null ? "" : DAY_AND_TIME.format(d.decidedAt()),
                        "decidedBy", nameOf(d.decidedBy()),
                        "decision", d.decision() == Decision.APPROVED ? "Approved" : "Returned",
                        "reason", text(d.reason())))
                .toList());
    }

    /** Staff know each other by name: a decision's author (a username in our tables) as a name. */
    private String nameOf(String username) {
        return username == null ? "" : staff.findByUsername(username).map(StaffMember::fullName).orElse(username);
    }

    /** The head's reason, when the latest decision on the objectives was a return: for a text component. */
    String lastReturnReason(ReviewFacts facts) {
        return objectives.lastDecision(facts.review().id())
                .filter(d -> d.decision() == Decision.RETURNED)
                .map(ObjectiveDecision::reason).map(FormText::literal).orElse("");
    }

    /** The reviewee's latest disagreement with their objectives, if any: for a text component. */
    String disagreement(ReviewFacts facts) {
        List<ObjectiveResponse> responses = objectives.responses(facts.review().id());
        return responses.stream().filter(r -> r.response() == Response.DISAGREED)
                .reduce((first, second) -> second)
                .map(r -> "Round " + r.round() + ": " + FormText.literal(r.reason())).orElse("");
    }

    void showPriorities(DelegateTask task, ReviewFacts facts) {
        List<SchoolPriority> list = schools.priorities(facts.school().id());
        showList(task, "priorityOptions", list.stream().map(p -> row("label", priorityLabel(p), "value", p.code())).toList());
        showList(task, "priorityTable", list.stream()
                .map(p -> row("code", p.code(), "title", p.title(), "wholeSchoolTarget", p.wholeSchoolTarget())).toList());
    }

    void showObjectiveOptions(DelegateTask task, ReviewFacts facts) {
        showList(task, "objectiveOptions", objectives.currentObjectives(facts.review().id()).stream()
                .map(o -> row("label", o.position() + ". " + o.title(), "value", String.valueOf(o.position()))).toList());
    }

    /** The progress recorded on each current objective at the mid-year check (none before it). */
    void showMidYearProgress(DelegateTask task, ReviewFacts facts) {
        Map<Long, Objective> byId = objectives.currentObjectives(facts.review().id()).stream()
                .collect(Collectors.toMap(Objective::id, Function.identity()));
        showList(task, "midYearTable", reviews.midYearProgress(facts.review().id()).stream()
                .filter(p -> byId.containsKey(p.objectiveId()))
                .map(p -> row("position", byId.get(p.objectiveId()).position(),
                        "title", byId.get(p.objectiveId()).title(), "status", p.status().label(),
                        "note", text(p.note())))
                .toList());
    }

    /** The final review as the reviewee and the head read it. */
    void showFinalReview(DelegateTask task, ReviewFacts facts) {
        FinalReview review = reviews.finalReview(facts.review().id()).orElseThrow();
        Map<Long, Objective> byId = objectives.currentObjectives(facts.review().id()).stream()
                .collect(Collectors.toMap(Objective::id, Function.identity()));
        showList(task, "outcomesTable", reviews.outcomes(review.id()).stream()
                .map(o -> row("position", byId.get(o.objectiveId()).position(), "title", byId.get(o.objectiveId()).title(),
                        "outcome", o.outcome().label(), "evidence", o.evidence()))
                .toList());
        task.setVariableLocal("impactOnPupilsText", FormText.literal(review.impactOnPupils()));
        task.setVariableLocal("impactOnPracticeText", FormText.literal(review.impactOnPractice()));
        task.setVariableLocal("impactOnColleaguesText", FormText.literal(review.impactOnColleagues()));
        task.setVariableLocal("cpdUndertakenText", FormText.literal(review.cpdUndertaken()));
        task.setVariableLocal("cpdImpactText", FormText.literal(review.cpdImpact()));
        task.setVariableLocal("developmentNeedsText", FormText.literal(review.developmentNeeds()));
        task.setVariableLocal("payRecommendationText", review.payRecommendation() == null ? ""
                : FormText.literal(review.payRecommendation().label() + ": " + review.payReason()));
    }

    static void showList(DelegateTask task, String name, List<?> rows) {
        task.setVariableLocal(name, jsonList(name, rows));
    }

    /** A list as the Json value form-js tables, dynamic lists and checklists read. */
    static TypedValue jsonList(String name, List<?> rows) {
        try {
            return SpinValues.jsonValue(JSON.writeValueAsString(rows)).create();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write " + name + " as JSON", e);
        }
    }

    static Map<String, Object> row(Object... keysAndValues) {
        var row = new LinkedHashMap<String, Object>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            row.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return row;
    }

    static String text(String value) {
        return value == null ? "" : value;
    }

    private Map<Long, SchoolPriority> priorities(ReviewFacts facts) {
        return schools.priorities(facts.school().id()).stream()
                .collect(Collectors.toMap(SchoolPriority::id, Function.identity()));
    }

    private static String priorityLabel(SchoolPriority priority) {
        return priority == null ? "" : priority.code() + ": " + priority.title();
    }
}
