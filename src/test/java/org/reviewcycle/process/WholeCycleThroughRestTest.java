package org.reviewcycle.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.reviewcycle.process.AnnualReviewCycleProcess.Elements.*;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.reviewcycle.process.AnnualReviewCycleProcess.Variables;
import org.reviewcycle.review.ReviewService;
import org.reviewcycle.school.SchoolService;
import org.reviewcycle.staff.StaffService;
import org.reviewcycle.support.TestSchool;
import org.reviewcycle.support.WebSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One teacher's whole review driven only through {@code /engine-rest}, as Tasklist drives it: each
 * person with their own HTTP basic credentials finds their task, reads its form variables and
 * submits the form with lists as Json. Only the launch (Java) and the two timers (fired by an admin
 * through the REST API, as no member of staff may) are not done by the people themselves.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class WholeCycleThroughRestTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String REST = "/engine-rest";
    /** The demo school's administrator, an engine admin (TestSchool has none). */
    static final String ADMIN = "admin";
    static final List<String> FORM_KEYS = List.of("strengths", "developmentWishes", "objectiveIdeas", "objectives",
            "decision", "returnReason", "response", "disagreementReason", "progress", "overallNote",
            "observationDate", "focusObjectives", "judgement", "areasToDevelop", "cpdNeeds", "outcomes",
            "impactOnPupils", "impactOnPractice", "impactOnColleagues", "cpdUndertaken", "cpdImpact",
            "developmentNeeds", "payRecommendation", "payReason", "revieweeComments", "confirmRead", "moderationNote");

    @LocalServerPort int port;
    @Autowired CycleLauncher launcher;
    @Autowired SchoolService schools;
    @Autowired StaffService staff;
    @Autowired ReviewService reviews;
    @Autowired JdbcTemplate jdbc;

    TestSchool school;
    String businessKey;

    @Test
    void aTeachersWholeReviewThroughTheRestApi() throws Exception {
        school = TestSchool.create(schools, staff);
        launcher.launch(school.cycle().id());
        long reviewId = reviews.reviewsIn(school.cycle().id()).stream()
                .filter(r -> r.staffId().equals(school.teacher().id())).findFirst().orElseThrow().id();
        businessKey = String.valueOf(reviewId);

        String teacherName = school.teacher().username();
        String leaderName = school.leader().username();
        String headName = school.head().username();
        var teacher = WebSession.basic(port, teacherName, "demo");
        var leader = WebSession.basic(port, leaderName, "demo");
        var head = WebSession.basic(port, headName, "demo");
        var admin = WebSession.basic(port, ADMIN, "demo");

        // 1. The teacher reflects.
        JsonNode task = assignedTask(teacher, teacherName, SELF_REFLECTION);
        String processInstanceId = task.get("processInstanceId").asText();
        var form = formVariables(teacher, task);
        assertThat(form.get("revieweeName").get("value").asText()).isEqualTo(school.teacher().fullName());
        submit(teacher, task, new Submission().text("strengths", "Building relationships with pupils")
                .text("developmentWishes", "Teaching extended writing").text("objectiveIdeas", "Something on writing"));

        // 2. The team leader sets two objectives.
        task = assignedTask(leader, leaderName, PLANNING_MEETING);
        form = formVariables(leader, task);
        assertThat(form.get("objectives").get("type").asText()).isEqualTo("Json");
        assertThat(form.get("selfReflectionStrengths").get("value").asText()).isEqualTo("Building relationships with pupils");
        assertThat(form.get("returnReason").get("value").asText()).isEmpty();
        submit(leader, task, new Submission().json("objectives", List.of(
                objective("Use the school writing process across the curriculum", "W1", "Most pupils reach their writing targets"),
                objective("Develop pupils' reasoning in maths lessons", "M1", "Pupils explain their reasoning"))));

        // 3. The head returns them with a reason.
        task = offeredTask(head, headName, APPROVE_OBJECTIVES);
        form = formVariables(head, task);
        assertThat(list(form, "objectivesTable")).hasSize(2);
        String reason = "Objective 2 needs a measurable success criterion";
        submit(head, task, new Submission().text("decision", "RETURN").text("returnReason", reason));

        // 4. The team leader sees the reason and the returned objectives, and resubmits.
        task = assignedTask(leader, leaderName, PLANNING_MEETING);
        form = formVariables(leader, task);
        assertThat(form.get("returnReason").get("value").asText()).isEqualTo(reason);
        assertThat(form.get("objectives").get("type").asText()).isEqualTo("Json");
        var objectives = list(form, "objectives");
        assertThat(objectives).extracting(o -> o.get("title"))
                .containsExactly("Use the school writing process across the curriculum", "Develop pupils' reasoning in maths lessons");
        objectives.get(1).put("successCriteria", "80% of pupils explain their reasoning in book scrutiny by July");
        submit(leader, task, new Submission().json("objectives", objectives));

        // 5. The head approves.
        task = offeredTask(head, headName, APPROVE_OBJECTIVES);
        formVariables(head, task);
        submit(head, task, new Submission().text("decision", "APPROVE"));

        // 6. The teacher acknowledges.
        task = assignedTask(teacher, teacherName, ACKNOWLEDGE_OBJECTIVES);
        assertThat(list(formVariables(teacher, task), "objectivesTable")).hasSize(2);
        submit(teacher, task, new Submission().text("response", "ACKNOWLEDGE"));

        // 7. Nobody has work until mid-year; the admin fires the timer.
        assertThat(tasks(admin, "processInstanceBusinessKey=" + businessKey)).isEmpty();
        fireTimer(admin, processInstanceId);

        // 8. The mid-year check, objectives unchanged.
        task = assignedTask(leader, leaderName, MID_YEAR_CHECK);
        form = formVariables(leader, task);
        assertThat(form.get("progress").get("type").asText()).isEqualTo("Json");
        var progress = list(form, "progress");
        assertThat(progress).hasSize(2);
        progress.forEach(p -> p.put("status", "ON_TRACK"));
        submit(leader, task, new Submission().json("progress", progress).text("overallNote", "Good progress so far"));

        // 9. Two lesson observations (a teacher on the main pay range has two, per ReviewPlan).
        for (int number = 1; number <= 2; number++) {
            task = assignedTask(leader, leaderName, LESSON_OBSERVATION);
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
        assertThat(tasks(admin, "processInstanceBusinessKey=" + businessKey)).isEmpty();
        fireTimer(admin, processInstanceId);

        // 11. The final review, with a pay recommendation.
        task = assignedTask(leader, leaderName, FINAL_REVIEW);
        form = formVariables(leader, task);
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

        // 12. The teacher reads, comments and signs.
        task = assignedTask(teacher, teacherName, REVIEWEE_SIGN_OFF);
        form = formVariables(teacher, task);
        assertThat(form.get("impactOnPupilsText").get("value").asText()).isEqualTo("More pupils write at length");
        submit(teacher, task, new Submission().text("revieweeComments", "A fair review").bool("confirmRead", true));

        // 13. The head signs off; before that, the process holds ids and decisions only.
        task = offeredTask(head, headName, HEAD_SIGN_OFF);
        form = formVariables(head, task);
        assertThat(form.get("revieweeCommentsText").get("value").asText()).isEqualTo("A fair review");
        var variables = ok(admin.get(REST + "/process-instance/" + processInstanceId + "/variables"));
        var names = new ArrayList<String>();
        variables.fieldNames().forEachRemaining(names::add);
        assertThat(names).doesNotContainAnyElementsOf(FORM_KEYS);
        assertThat(names).contains(Variables.REVIEW_ID).isSubsetOf(Variables.REVIEW_ID, Variables.REVIEWEE,
                Variables.REVIEWER, Variables.HEAD_GROUP, Variables.STAFF_CATEGORY, Variables.OBSERVATION_COUNT, Variables.PAY_RECOMMENDATION_DUE,
                Variables.OBJECTIVES_APPROVED, Variables.MID_YEAR_CHECK_DONE, Variables.OBJECTIVES_CHANGED_AT_MID_YEAR);
        submit(head, task, new Submission().text("decision", "SIGN_OFF").text("moderationNote", "Consistent with the phase"));

        // The process has ended...
        assertThat(ok(admin.get(REST + "/process-instance?businessKey=" + businessKey + "&firstResult=0&maxResults=10")))
                .isEmpty();

        // ...and our tables hold the whole review.
        assertThat(jdbc.queryForObject("select state from review where id = ?", String.class, reviewId)).isEqualTo("COMPLETE");
        assertThat(jdbc.queryForList("select decision, created_by from objective_decision where review_id = ? order by round",
                reviewId)).extracting(r -> r.get("DECISION") + "/" + r.get("CREATED_BY"))
                .containsExactly("RETURNED/" + headName, "APPROVED/" + headName);
        assertThat(jdbc.queryForList("select round from objective where review_id = ? order by round, position",
                Integer.class, reviewId)).containsExactly(1, 1, 2, 2);
        assertThat(count("select count(*) from mid_year_progress p join mid_year_check c on c.id = p.check_id"
                + " where c.review_id = ?", reviewId)).isEqualTo(2);
        assertThat(jdbc.queryForList("select observer from lesson_observation where review_id = ?", String.class, reviewId))
                .containsExactly(leaderName, leaderName);
        assertThat(jdbc.queryForList("select pay_recommendation from final_review where review_id = ?", String.class,
                reviewId)).containsExactly("PROGRESS");
        assertThat(count("select count(*) from objective_outcome o join final_review f on f.id = o.final_review_id"
                + " where f.review_id = ?", reviewId)).isEqualTo(2);
        assertThat(jdbc.queryForList("select s.created_by from reviewee_sign_off s join final_review f"
                + " on f.id = s.final_review_id where f.review_id = ?", String.class, reviewId)).containsExactly(teacherName);
        assertThat(jdbc.queryForList("select d.decision from final_review_decision d join final_review f"
                + " on f.id = d.final_review_id where f.review_id = ?", String.class, reviewId)).containsExactly("SIGNED_OFF");
    }

    /** The one task of this review assigned to {@code username}, found as Tasklist's "assigned to me" does. */
    JsonNode assignedTask(WebSession session, String username, String expectedKey) {
        var found = tasks(session, "processInstanceBusinessKey=" + businessKey + "&assignee=" + encode(username));
        assertThat(found).as("%s's tasks", username).hasSize(1);
        assertThat(found.get(0).get("taskDefinitionKey").asText()).isEqualTo(expectedKey);
        return found.get(0);
    }

    /** The one task of this review offered to the head's group, claimed by the head. */
    JsonNode offeredTask(WebSession session, String username, String expectedKey) {
        var found = tasks(session, "processInstanceBusinessKey=" + businessKey + "&candidateGroup="
                + encode(school.headGroup()));
        assertThat(found).as("tasks offered to %s", school.headGroup()).hasSize(1);
        JsonNode task = found.get(0);
        assertThat(task.get("taskDefinitionKey").asText()).isEqualTo(expectedKey);
        assertThat(task.get("assignee").isNull()).isTrue();
        var claimed = session.postJson(REST + "/task/" + task.get("id").asText() + "/claim",
                JSON.createObjectNode().put("userId", username).toString());
        assertThat(claimed.statusCode()).as(claimed.body()).isEqualTo(204);
        return task;
    }

    JsonNode tasks(WebSession session, String query) {
        JsonNode list = ok(session.get(REST + "/task?" + query + "&firstResult=0&maxResults=50"));
        assertThat(list.isArray()).isTrue();
        return list;
    }

    /**
     * Each variable as the REST API gives it: {"type": ..., "value": ..., "valueInfo": ...}. Asked for
     * serialized, as Tasklist asks: deserialized (the API's default), a Json value comes back as the
     * properties of Spin's node object, not as the JSON it holds.
     */
    Map<String, JsonNode> formVariables(WebSession session, JsonNode task) {
        JsonNode variables = ok(session.get(REST + "/task/" + task.get("id").asText()
                + "/form-variables?deserializeValues=false"));
        return JSON.convertValue(variables, new TypeReference<Map<String, JsonNode>>() {
        });
    }

    /** A list the form shows, which arrives as Json: its value is the list written as a string. */
    static List<Map<String, Object>> list(Map<String, JsonNode> form, String name) {
        JsonNode variable = form.get(name);
        assertThat(variable).as(name).isNotNull();
        assertThat(variable.get("type").asText()).as(name).isEqualTo("Json");
        try {
            return JSON.readValue(variable.get("value").asText(), new TypeReference<List<Map<String, Object>>>() {
            });
        } catch (JsonProcessingException e) {
            throw new AssertionError(name + " is not a JSON list: " + variable, e);
        }
    }

    void submit(WebSession session, JsonNode task, Submission submission) {
        var response = session.postJson(REST + "/task/" + task.get("id").asText() + "/submit-form",
                JSON.createObjectNode().set("variables", submission.variables).toString());
        assertThat(response.statusCode()).as("submitting %s: %s", task.get("taskDefinitionKey").asText(), response.body())
                .isEqualTo(204);
    }

    void fireTimer(WebSession admin, String processInstanceId) {
        JsonNode jobs = ok(admin.get(REST + "/job?processInstanceId=" + processInstanceId + "&timers=true&maxResults=10"));
        assertThat(jobs).hasSize(1);
        var executed = admin.postJson(REST + "/job/" + jobs.get(0).get("id").asText() + "/execute", "");
        assertThat(executed.statusCode()).as(executed.body()).isEqualTo(204);
    }

    static JsonNode ok(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        try {
            return JSON.readTree(response.body());
        } catch (JsonProcessingException e) {
            throw new AssertionError("Not JSON: " + response.body(), e);
        }
    }

    int count(String sql, Object... args) {
        return jdbc.queryForObject(sql, Integer.class, args);
    }

    static Map<String, Object> objective(String title, String priority, String successCriteria) {
        var objective = new java.util.LinkedHashMap<String, Object>();
        objective.put("title", title);
        objective.put("priorityCode", priority);
        objective.put("successCriteria", successCriteria);
        objective.put("evidence", "Pupils' books, moderation notes");
        objective.put("cpdSupport", "Coaching from the literacy lead");
        objective.put("joint", false);
        return objective;
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** The body of submit-form, typed as Tasklist types it: lists as Json, written as a string. */
    static final class Submission {
        final ObjectNode variables = JSON.createObjectNode();

        Submission text(String key, String value) {
            variables.putObject(key).put("value", value).put("type", "String");
            return this;
        }

        Submission bool(String key, boolean value) {
            variables.putObject(key).put("value", value).put("type", "Boolean");
            return this;
        }

        Submission json(String key, Object list) {
            try {
                variables.putObject(key).put("value", JSON.writeValueAsString(list)).put("type", "Json");
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
            return this;
        }
    }
}
