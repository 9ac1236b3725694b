package org.reviewcycle.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.reviewcycle.process.AnnualReviewCycleProcess.Elements.*;
import static org.reviewcycle.support.EngineRest.REST;
import static org.reviewcycle.support.EngineRest.formVariables;
import static org.reviewcycle.support.EngineRest.list;
import static org.reviewcycle.support.EngineRest.objective;
import static org.reviewcycle.support.EngineRest.ok;
import static org.reviewcycle.support.EngineRest.submit;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.reviewcycle.process.AnnualReviewCycleProcess.Variables;
import org.reviewcycle.school.ReviewCycle;
import org.reviewcycle.school.SchoolService;
import org.reviewcycle.support.EngineRest;
import org.reviewcycle.support.EngineRest.Submission;
import org.reviewcycle.support.WebSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One teacher's whole review driven only through {@code /engine-rest} by the demo users themselves,
 * as a new user trying the README would: Amy Clarke ({@code teacher.mpg}), her team leader
 * {@code deputy} and the {@code head}, each with their own HTTP basic credentials, find their task,
 * read its form variables and submit the form with lists as Json. The two timers are fired by
 * {@code admin} through the REST API, as no member of staff may. The demo school is the one the
 * first start creates and launches, in a database of this test's own, so that no other test has
 * touched Amy's review.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.datasource.url=jdbc:h2:mem:whole-cycle-as-the-demo-users;DB_CLOSE_DELAY=-1")
class WholeCycleThroughRestTest {

    static final String TEACHER = "teacher.mpg";
    static final String TEAM_LEADER = "deputy";
    static final String HEAD = "head";
    static final String ADMIN = "admin";
    static final List<String> FORM_KEYS = List.of("strengths", "developmentWishes", "objectiveIdeas", "objectives",
            "decision", "returnReason", "response", "disagreementReason", "progress", "overallNote",
            "observationDate", "focusObjectives", "judgement", "areasToDevelop", "cpdNeeds", "outcomes",
            "impactOnPupils", "impactOnPractice", "impactOnColleagues", "cpdUndertaken", "cpdImpact",
            "developmentNeeds", "payRecommendation", "payReason", "revieweeComments", "confirmRead", "moderationNote",
            "selfReview", "overall", "disagree", "headResponse", "objectivesDecision");

    /**
     * The demo starts in next year's cycle, whose dates are all still to come, so that the timers
     * wait until the admin fires them whatever the day the test runs (the demo's own cycle is the
     * one that contains today: late in the year its dates have passed).
     */
    @TestConfiguration
    static class NextSchoolYear {
        @Bean
        Clock demoClock() {
            return Clock.offset(Clock.systemDefaultZone(), Duration.ofDays(366));
        }
    }

    @LocalServerPort int port;
    @Autowired JdbcTemplate jdbc;
    @Autowired SchoolService schools;

    @Test
    void amyClarkesWholeReviewThroughTheRestApiAsTheDemoUsers() {
        long reviewId = jdbc.queryForObject("select r.id from review r join staff_member s on s.id = r.staff_id"
                + " where s.username = ?", Long.class, TEACHER);
        String businessKey = String.valueOf(reviewId);
        // the demo cycle's milestones (README); work is due at 5 pm on its day, the mid-year check four weeks after it opens
        ReviewCycle cycle = schools.findCycle(jdbc.queryForObject("select cycle_id from review where id = ?", Long.class,
                reviewId)).orElseThrow();
        assertThat(cycle.midYearCheckFrom()).isAfter(LocalDate.now());
        LocalDate objectivesAgreedBy = cycle.objectivesAgreedBy();
        LocalDate midYearCheckDue = cycle.midYearCheckFrom().plusWeeks(4);
        LocalDate finalReviewFrom = cycle.finalReviewFrom();
        LocalDate finalReviewDue = cycle.finalReviewDue();
        var review = new EngineRest(businessKey);
        var teacher = WebSession.basic(port, TEACHER, "demo");
        var leader = WebSession.basic(port, TEAM_LEADER, "demo");
        var head = WebSession.basic(port, HEAD, "demo");
        var admin = WebSession.basic(port, ADMIN, "demo");

        // 1. The teacher reflects.
        JsonNode task = review.assignedTask(teacher, TEACHER, SELF_REFLECTION);
        assertDue(task, objectivesAgreedBy);
        String processInstanceId = task.get("processInstanceId").asText();
        var form = formVariables(teacher, task);
        assertThat(form.get("revieweeName").get("value").asText()).isEqualTo("Amy Clarke");
        submit(teacher, task, new Submission().text("strengths", "Building relationships with pupils")
                .text("developmentWishes", "Teaching extended writing").text("objectiveIdeas", "Something on writing"));

        // 2. The team leader sets two objectives.
        task = review.assignedTask(leader, TEAM_LEADER, PLANNING_MEETING);
        assertDue(task, objectivesAgreedBy);
        form = formVariables(leader, task);
        assertThat(form.get("objectives").get("type").asText()).isEqualTo("Json");
        assertThat(form.get("selfReflectionStrengths").get("value").asText()).isEqualTo("Building relationships with pupils");
        assertThat(form.get("returnReason").get("value").asText()).isEmpty();
        submit(leader, task, new Submission().json("objectives", List.of(
                objective("Use the school writing process across the curriculum", "W1", "Most pupils reach their writing targets"),
                objective("Develop pupils' editing of their own writing", "W1", "Pupils redraft their writing"))));

        // 3. The head (assigned the task: Littletown has one head) returns them with a reason.
        task = review.assignedTask(head, HEAD, APPROVE_OBJECTIVES);
        assertDue(task, objectivesAgreedBy);
        form = formVariables(head, task);
        assertThat(list(form, "objectivesTable")).hasSize(2);
        String reason = "Objective 2 needs a measurable success criterion";
        submit(head, task, new Submission().text("decision", "RETURN").text("returnReason", reason));

        // 4. The team leader sees the reason and the returned objectives, and resubmits.
        task = review.assignedTask(leader, TEAM_LEADER, PLANNING_MEETING);
        assertDue(task, objectivesAgreedBy);
        form = formVariables(leader, task);
        assertThat(form.get("returnReason").get("value").asText()).isEqualTo(reason);
        assertThat(form.get("objectives").get("type").asText()).isEqualTo("Json");
        var objectives = list(form, "objectives");
        assertThat(objectives).extracting(o -> o.get("title"))
                .containsExactly("Use the school writing process across the curriculum", "Develop pupils' editing of their own writing");
        objectives.get(1).put("successCriteria", "80% of pupils redraft a piece of writing each half term, seen in book scrutiny by July");
        submit(leader, task, new Submission().json("objectives", objectives));

        // 5. The head approves.
        task = review.assignedTask(head, HEAD, APPROVE_OBJECTIVES);
        assertDue(task, objectivesAgreedBy);
        formVariables(head, task);
        submit(head, task, new Submission().text("decision", "APPROVE"));

        // 6. The teacher acknowledges.
        task = review.assignedTask(teacher, TEACHER, ACKNOWLEDGE_OBJECTIVES);
        assertDue(task, objectivesAgreedBy);
        assertThat(list(formVariables(teacher, task), "objectivesTable")).hasSize(2);
        submit(teacher, task, new Submission().text("response", "ACKNOWLEDGE"));

        // 7. Nobody has work until mid-year; the admin fires the timer.
        assertThat(EngineRest.tasks(admin, "processInstanceBusinessKey=" + businessKey)).isEmpty();
        fireTimer(admin, processInstanceId);

        // 8. The mid-year check, objectives unchanged.
        task = review.assignedTask(leader, TEAM_LEADER, MID_YEAR_CHECK);
        assertDue(task, midYearCheckDue);
        form = formVariables(leader, task);
        assertThat(form.get("progress").get("type").asText()).isEqualTo("Json");
        var progress = list(form, "progress");
        assertThat(progress).hasSize(2);
        progress.forEach(p -> p.put("status", "ON_TRACK"));
        submit(leader, task, new Submission().json("progress", progress).text("overallNote", "Good progress so far"));

        // 9. Two lesson observations (a teacher on the main pay range has two, per ReviewPlan).
        for (int number = 1; number <= 2; number++) {
            task = review.assignedTask(leader, TEAM_LEADER, LESSON_OBSERVATION);
            assertDue(task, finalReviewFrom);
            form = formVariables(leader, task);
            assertThat(form.get("observationNumber").get("value").asInt()).isEqualTo(number);
            assertThat(form.get("observationCount").get("value").asInt()).isEqualTo(2);
            assertThat(list(form, "objectiveOptions")).hasSize(2);
            submit(leader, task, new Submission().text("observationDate", "2026-11-10")
                    .json("focusObjectives", List.of("1")).text("judgement", "GOOD")
                    .text("strengths", "Clear modelling of the writing process")
                    .text("areasToDevelop", "Pace of the plenary").text("cpdNeeds", "Questioning"));
        }

        // 10. Nobody has work until the final review; the admin fires the timer.
        assertThat(EngineRest.tasks(admin, "processInstanceBusinessKey=" + businessKey)).isEmpty();
        fireTimer(admin, processInstanceId);

        // 11. The teacher writes their self-review, due a week after the final reviews open.
        task = review.assignedTask(teacher, TEACHER, SELF_REVIEW);
        assertDue(task, finalReviewFrom.plusWeeks(1).isBefore(finalReviewDue) ? finalReviewFrom.plusWeeks(1) : finalReviewDue);
        var selfReview = list(formVariables(teacher, task), "selfReview");
        assertThat(selfReview).hasSize(2);
        selfReview.forEach(e -> e.put("achieved", "Met the success criteria"));
        submit(teacher, task, new Submission().json("selfReview", selfReview).text("overall", "A good year"));

        // 12. The final review, with a pay recommendation and the self-review beside it.
        task = review.assignedTask(leader, TEAM_LEADER, FINAL_REVIEW);
        assertDue(task, finalReviewDue);
        form = formVariables(leader, task);
        assertThat(list(form, "selfReviewTable")).extracting(r -> r.get("achieved"))
                .containsExactly("Met the success criteria", "Met the success criteria");
        assertThat(form.get("payRecommendationDue").get("value").asBoolean()).isTrue();
        assertThat(form.get("outcomes").get("type").asText()).isEqualTo("Json");
        var outcomes = list(form, "outcomes");
        assertThat(outcomes).hasSize(2);
        outcomes.forEach(o -> {
            o.put("outcome", "MET");
            o.put("evidence", "Moderated books show the target reached");
        });
        submit(leader, task, new Submission().json("outcomes", outcomes)
                .text("impactOnPupils", "More pupils write at length")
                .text("impactOnPractice", "Planning now builds in extended writing")
                .text("impactOnColleagues", "Shared the approach at a staff meeting")
                .text("cpdUndertaken", "Two network sessions").text("cpdImpact", "Better feedback on writing")
                .text("developmentNeeds", "Leading a phase team")
                .text("payRecommendation", "PROGRESS").text("payReason", "All objectives met"));

        // 13. The teacher reads, comments and signs.
        task = review.assignedTask(teacher, TEACHER, REVIEWEE_SIGN_OFF);
        assertDue(task, finalReviewDue);
        form = formVariables(teacher, task);
        assertThat(form.get("impactOnPupilsText").get("value").asText()).isEqualTo("More pupils write at length");
        submit(teacher, task, new Submission().text("revieweeComments", "A fair review").bool("confirmRead", true));

        // 14. The head signs off; before that, the process holds ids and decisions only.
        task = review.assignedTask(head, HEAD, HEAD_SIGN_OFF);
        assertDue(task, finalReviewDue);
        form = formVariables(head, task);
        assertThat(form.get("revieweeCommentsText").get("value").asText()).isEqualTo("A fair review");
        var variables = ok(admin.get(REST + "/process-instance/" + processInstanceId + "/variables"));
        var names = new ArrayList<String>();
        variables.fieldNames().forEachRemaining(names::add);
        assertThat(names).doesNotContainAnyElementsOf(FORM_KEYS);
        assertThat(names).contains(Variables.REVIEW_ID).isSubsetOf(Variables.REVIEW_ID, Variables.REVIEWEE,
                Variables.REVIEWER, Variables.HEAD_GROUP, Variables.STAFF_CATEGORY, Variables.OBSERVATION_COUNT, Variables.PAY_RECOMMENDATION_DUE,
                Variables.OBJECTIVES_APPROVED, Variables.OBJECTIVES_DISAGREED, Variables.MID_YEAR_CHECK_DONE,
                Variables.OBJECTIVES_CHANGED_AT_MID_YEAR, Variables.FINAL_REVIEW_DISAGREED);
        submit(head, task, new Submission().text("decision", "SIGN_OFF").text("moderationNote", "Consistent with the phase"));

        // The process has ended...
        assertThat(ok(admin.get(REST + "/process-instance?businessKey=" + businessKey + "&firstResult=0&maxResults=10")))
                .isEmpty();

        // ...and our tables hold the whole review.
        assertThat(jdbc.queryForObject("select state from review where id = ?", String.class, reviewId)).isEqualTo("COMPLETE");
        assertThat(jdbc.queryForList("select decision, created_by from objective_decision where review_id = ? order by round",
                reviewId)).extracting(r -> r.get("DECISION") + "/" + r.get("CREATED_BY"))
                .containsExactly("RETURNED/" + HEAD, "APPROVED/" + HEAD);
        assertThat(jdbc.queryForList("select round from objective where review_id = ? order by round, position",
                Integer.class, reviewId)).containsExactly(1, 1, 2, 2);
        assertThat(count("select count(*) from mid_year_progress p join mid_year_check c on c.id = p.check_id"
                + " where c.review_id = ?", reviewId)).isEqualTo(2);
        assertThat(jdbc.queryForList("select observer from lesson_observation where review_id = ?", String.class, reviewId))
                .containsExactly(TEAM_LEADER, TEAM_LEADER);
        assertThat(jdbc.queryForList("select pay_recommendation from final_review where review_id = ?", String.class,
                reviewId)).containsExactly("PROGRESS");
        assertThat(count("select count(*) from objective_outcome o join final_review f on f.id = o.final_review_id"
                + " where f.review_id = ?", reviewId)).isEqualTo(2);
        assertThat(jdbc.queryForList("select s.created_by from reviewee_sign_off s join final_review f"
                + " on f.id = s.final_review_id where f.review_id = ?", String.class, reviewId)).containsExactly(TEACHER);
        assertThat(jdbc.queryForList("select d.decision from final_review_decision d join final_review f"
                + " on f.id = d.final_review_id where f.review_id = ?", String.class, reviewId)).containsExactly("SIGNED_OFF");
    }

    void fireTimer(WebSession admin, String processInstanceId) {
        JsonNode jobs = ok(admin.get(REST + "/job?processInstanceId=" + processInstanceId + "&timers=true&maxResults=10"));
        assertThat(jobs).hasSize(1);
        var executed = admin.postJson(REST + "/job/" + jobs.get(0).get("id").asText() + "/execute", "");
        assertThat(executed.statusCode()).as(executed.body()).isEqualTo(204);
    }

    /** The due date Tasklist shows: 5 pm on the milestone's day. */
    static void assertDue(JsonNode task, LocalDate day) {
        var due = OffsetDateTime.parse(task.get("due").asText(), DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ"));
        assertThat(due.toInstant()).as("due date of " + task.get("taskDefinitionKey").asText())
                .isEqualTo(day.atTime(17, 0).atZone(ZoneId.systemDefault()).toInstant());
    }

    int count(String sql, Object... args) {
        return jdbc.queryForObject(sql, Integer.class, args);
    }
}
