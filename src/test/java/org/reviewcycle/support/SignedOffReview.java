package org.reviewcycle.support;

import static org.reviewcycle.support.ReviewDriver.objective;
import static org.reviewcycle.support.ReviewDriver.objectives;
import static org.reviewcycle.support.ReviewDriver.values;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.reviewcycle.process.CycleLauncher;
import org.reviewcycle.review.Review;
import org.reviewcycle.review.ReviewService;
import org.reviewcycle.staff.StaffService;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A teacher's review taken the whole way through the cycle, as the people themselves do it in Tasklist: the
 * reflection, two objectives approved and acknowledged, the mid-year check, two observed lessons, the
 * teacher's self-review, the final review with a pay recommendation, the teacher's comments and the head's
 * sign-off. {@link #disputedAt} takes the same review with the teacher disagreeing with the objectives (the head
 * answers that they stand) and with the final review (the head answers before signing off). The texts are
 * constants the record tests look for (issue 14); the report benchmark renders its written report.
 */
public final class SignedOffReview {

    public static final String OBJECTIVE = "Use the school writing process across the curriculum";
    public static final String SECOND_OBJECTIVE = "Develop pupils' reasoning in maths lessons";
    public static final String EVIDENCE = "Moderated books show the target reached";
    public static final String IMPACT = "More pupils write at length";
    public static final String CPD = "Two network sessions on feedback";
    public static final String PAY_REASON = "All objectives met, with strong evidence";
    public static final String COMMENTS = "A fair review of a good year";
    public static final String MODERATION = "Consistent with the phase";
    public static final String SELF_REVIEW_OVERALL = "A good year";
    public static final String OBJECTIVES_DISAGREEMENT = "Maths reasoning is my colleague's project this year";
    public static final String OBJECTIVES_ANSWER = "Reasoning is a school priority for every class; we will plan it together";
    public static final String FINAL_REVIEW_DISAGREEMENT = "The maths objective was met: the tracker shows it";
    public static final String FINAL_REVIEW_ANSWER = "I have read the tracker with you both: the outcome stands";

    private final CycleLauncher launcher;
    private final ReviewService reviews;
    private final StaffService staff;
    private final TaskService tasks;
    private final FormService forms;
    private final IdentityService identity;
    private final ManagementService management;
    private final RuntimeService runtime;

    /** {@code beans} finds the application's beans by type: a test's {@code context::getBean}, the benchmark's app. */
    public SignedOffReview(Function<Class<?>, Object> beans) {
        this.launcher = (CycleLauncher) beans.apply(CycleLauncher.class);
        this.reviews = (ReviewService) beans.apply(ReviewService.class);
        this.staff = (StaffService) beans.apply(StaffService.class);
        this.tasks = (TaskService) beans.apply(TaskService.class);
        this.forms = (FormService) beans.apply(FormService.class);
        this.identity = (IdentityService) beans.apply(IdentityService.class);
        this.management = (ManagementService) beans.apply(ManagementService.class);
        this.runtime = (RuntimeService) beans.apply(RuntimeService.class);
    }

    /** Launches the school's cycle and takes its teacher's review to the end in agreement; returns it. */
    public Review of(TestSchool school) {
        return takeToTheEnd(school, false);
    }

    /** The same, the teacher disagreeing with the objectives and the final review, the head answering each. */
    public Review disputedAt(TestSchool school) {
        return takeToTheEnd(school, true);
    }

    private Review takeToTheEnd(TestSchool school, boolean disputed) {
        launcher.launch(school.cycle().id());
        Review review = reviews.runningReviewsOf(school.teacher().id()).get(0);
        var driver = new ReviewDriver(tasks, forms, identity, management, runtime, staff, review.processInstanceId());
        String teacher = school.teacher().username();
        String leader = school.leader().username();
        driver.submit(teacher, values("strengths", "Building relationships with pupils", "developmentWishes",
                "Teaching extended writing", "objectiveIdeas", "Something on writing"));
        driver.submit(leader, values("objectives", objectives(objective(OBJECTIVE, "W1", false),
                objective(SECOND_OBJECTIVE, "M1", false))));
        driver.submit(school.head().username(), values("decision", "APPROVE", "returnReason", ""));
        if (disputed) {
            driver.submit(teacher, values("response", "DISAGREE", "disagreementReason", OBJECTIVES_DISAGREEMENT));
            driver.submit(school.head().username(), values("objectivesDecision", "STAND",
                    "headResponse", OBJECTIVES_ANSWER));
        } else {
            driver.submit(teacher, values("response", "ACKNOWLEDGE", "disagreementReason", ""));
        }
        driver.fireTimer();
        List<Map<String, Object>> progress = jsonList(driver.taskVariables().get("progress"));
        progress.forEach(p -> p.put("status", "ON_TRACK"));
        driver.submit(leader, values("progress", ReviewDriver.json(progress), "overallNote", "Good progress so far"));
        // observed lessons are in the past
        for (LocalDate date : List.of(LocalDate.now().minusDays(20), LocalDate.now().minusDays(6))) {
            driver.submit(leader, values("observationDate", date.toString(), "focusObjectives", ReviewDriver.json(List.of("1")),
                    "judgement", "GOOD", "strengths", "Clear modelling of the writing process",
                    "areasToDevelop", "Pace of the plenary", "cpdNeeds", "Questioning"));
        }
        driver.writeSelfReview();
        List<Map<String, Object>> outcomes = jsonList(driver.taskVariables().get("outcomes"));
        outcomes.forEach(o -> {
            o.put("outcome", "MET");
            o.put("evidence", EVIDENCE);
        });
        driver.submit(leader, values("outcomes", ReviewDriver.json(outcomes), "impactOnPupils", IMPACT,
                "impactOnPractice", "Planning now builds in extended writing",
                "impactOnColleagues", "Shared the approach at a staff meeting", "cpdUndertaken", CPD,
                "cpdImpact", "Better feedback on writing", "developmentNeeds", "Leading a phase team",
                "payRecommendation", "PROGRESS", "payReason", PAY_REASON));
        if (disputed) {
            driver.submit(teacher, values("revieweeComments", COMMENTS, "disagree", true,
                    "disagreementReason", FINAL_REVIEW_DISAGREEMENT, "confirmRead", true));
            driver.submit(school.head().username(), values("headResponse", FINAL_REVIEW_ANSWER));
        } else {
            driver.submit(teacher, values("revieweeComments", COMMENTS, "confirmRead", true));
        }
        driver.submit(school.head().username(), values("decision", "SIGN_OFF", "returnReason", "",
                "moderationNote", MODERATION));
        if (!driver.ended()) {
            throw new AssertionError("The review did not end: it waits at " + driver.openTaskKey());
        }
        return reviews.find(review.id()).orElseThrow();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> jsonList(Object variable) {
        try {
            return new ObjectMapper().readValue(variable.toString(), List.class);
        } catch (Exception e) {
            throw new IllegalStateException("Not a JSON list: " + variable, e);
        }
    }
}
