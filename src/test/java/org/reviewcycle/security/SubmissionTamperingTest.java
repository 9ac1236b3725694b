package org.reviewcycle.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.reviewcycle.process.AnnualReviewCycleProcess;
import org.reviewcycle.process.AnnualReviewCycleProcess.Variables;
import org.reviewcycle.process.CycleLauncher;
import org.reviewcycle.review.Review;
import org.reviewcycle.review.ReviewService;
import org.reviewcycle.school.SchoolService;
import org.reviewcycle.staff.StaffService;
import org.reviewcycle.support.TestSchool;
import org.reviewcycle.support.WebSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A member of staff tries to change their review's process variables through their own task, over
 * the REST API as Tasklist's requests would: naming themselves their reviewer, offering the head's
 * work to everyone, pointing the task at someone else's review, skipping the mid-year check. Each
 * attempt is refused, the task stays open and the process is unchanged; the form's own fields pass.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SubmissionTamperingTest {

    static final String REST = "/engine-rest";

    @LocalServerPort int port;
    @Autowired SchoolService schools;
    @Autowired StaffService staff;
    @Autowired ReviewService reviews;
    @Autowired CycleLauncher launcher;
    @Autowired TaskService tasks;
    @Autowired RuntimeService runtime;

    TestSchool school;
    Review review;
    Task reflection;
    WebSession teacher;

    @BeforeEach
    void aTeacherWithHerSelfReflectionOpen() {
        school = TestSchool.create(schools, staff);
        launcher.launch(school.cycle().id());
        review = reviews.reviewsIn(school.cycle().id()).stream()
                .filter(r -> r.staffId().equals(school.teacher().id())).findFirst().orElseThrow();
        reflection = tasks.createTaskQuery().processInstanceId(review.processInstanceId()).singleResult();
        assertThat(reflection.getTaskDefinitionKey()).isEqualTo(AnnualReviewCycleProcess.Elements.SELF_REFLECTION);
        teacher = WebSession.basic(port, school.teacher().username(), "demo");
    }

    @Test
    void submittingTheFormWithAProcessVariableIsRefusedAndChangesNothing() {
        var response = teacher.postJson(REST + "/task/" + reflection.getId() + "/submit-form", """
                {"variables": {"strengths": {"value": "Reading aloud", "type": "String"},
                               "reviewerUsername": {"value": "%s", "type": "String"},
                               "headGroup": {"value": "staff", "type": "String"}}}""".formatted(
                school.teacher().username()));

        assertThat(response.statusCode()).isNotEqualTo(204);
        assertThat(response.body()).contains("This form has no field headGroup, reviewerUsername");
        assertUntouched();
    }

    @Test
    void pointingTheTaskAtAnotherReviewIsRefused() {
        var response = teacher.postJson(REST + "/task/" + reflection.getId() + "/submit-form", """
                {"variables": {"reviewId": {"value": 1, "type": "Long"},
                               "midYearCheckDone": {"value": true, "type": "Boolean"}}}""");

        assertThat(response.statusCode()).isNotEqualTo(204);
        assertThat(response.body()).contains("This form has no field midYearCheckDone, reviewId");
        assertUntouched();
    }

    @Test
    void completingWithValuesInsteadOfSubmittingTheFormIsRefused() {
        var response = teacher.postJson(REST + "/task/" + reflection.getId() + "/complete", """
                {"variables": {"strengths": {"value": "Reading aloud", "type": "String"}}}""");

        assertThat(response.statusCode()).isNotEqualTo(204);
        assertThat(response.body()).contains("Submit the values of this task with its form");
        assertUntouched();
    }

    @Test
    void settingOrRemovingTheTasksVariablesOnTheirOwnIsRefused() {
        String task = REST + "/task/" + reflection.getId();
        var put = teacher.putJson(task + "/variables/reviewerUsername", """
                {"value": "%s", "type": "String"}""".formatted(school.teacher().username()));
        var putLocal = teacher.putJson(task + "/localVariables/reviewId", """
                {"value": 1, "type": "Long"}""");
        var modify = teacher.postJson(task + "/variables", """
                {"modifications": {"headGroup": {"value": "staff", "type": "String"}}}""");
        var remove = teacher.send("DELETE", task + "/variables/revieweeUsername");

        // staff may not set variables at all (StaffCommandGuard); for admins, TaskSubmissionGuard keeps review tasks' values to their forms
        assertThat(java.util.List.of(put, putLocal, modify, remove)).allSatisfy(response -> {
            assertThat(response.statusCode()).isEqualTo(403);
            assertThat(response.body()).contains("outside its form");
        });
        assertThat(tasks.getVariable(reflection.getId(), "revieweeUsername")).isEqualTo(school.teacher().username());
        assertUntouched();
    }

    @Test
    void theFormsOwnFieldsAreSubmittedAsBefore() {
        var response = teacher.postJson(REST + "/task/" + reflection.getId() + "/submit-form", """
                {"variables": {"strengths": {"value": "Reading aloud", "type": "String"},
                               "objectiveIdeas": {"value": "Guided reading", "type": "String"}}}""");

        assertThat(response.statusCode()).isEqualTo(204);
        assertThat(reviews.selfReflection(review.id())).get()
                .satisfies(r -> assertThat(r.strengths()).isEqualTo("Reading aloud"));
        assertThat(runtime.getVariable(review.processInstanceId(), Variables.REVIEWER))
                .isEqualTo(school.leader().username());
        assertThat(runtime.getVariables(review.processInstanceId())).doesNotContainKeys("strengths", "objectiveIdeas");
    }

    private void assertUntouched() {
        assertThat(tasks.createTaskQuery().taskId(reflection.getId()).count()).as("the task is still open").isOne();
        var variables = runtime.getVariables(review.processInstanceId());
        assertThat(variables).containsEntry(Variables.REVIEWER, school.leader().username())
                .containsEntry(Variables.HEAD_GROUP, school.headGroup())
                .containsEntry(Variables.REVIEW_ID, review.id())
                .containsEntry(Variables.MID_YEAR_CHECK_DONE, false)
                .doesNotContainKeys("strengths");
        assertThat(reviews.selfReflection(review.id())).isEmpty();
    }
}
