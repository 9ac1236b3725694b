package org.reviewcycle.process;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.reviewcycle.review.Review;
import org.reviewcycle.review.ReviewService;
import org.reviewcycle.school.SchoolService;
import org.reviewcycle.staff.StaffService;
import org.reviewcycle.support.TestSchool;
import org.reviewcycle.support.EngineApi;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * What every review form introduces itself with (whose review, their job, their team leader, the
 * school, the year) is not kept on the task: FormFactsInAnswers adds it, from our tables, to the
 * form variables Tasklist reads when it opens the form, through /engine-rest and through Tasklist's
 * own API alike; and after a change of team leader the open form names the new one.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class FormFactsTest {

    static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort int port;
    @Autowired SchoolService schools;
    @Autowired StaffService staff;
    @Autowired ReviewService reviews;
    @Autowired CycleLauncher launcher;
    @Autowired TaskService tasks;

    TestSchool school;
    Task reflection;

    @BeforeEach
    void aTeachersSelfReflectionIsOpen() {
        school = TestSchool.create(schools, staff);
        launcher.launch(school.cycle().id());
        Review review = reviews.reviewsIn(school.cycle().id()).stream()
                .filter(r -> r.staffId().equals(school.teacher().id())).findFirst().orElseThrow();
        reflection = tasks.createTaskQuery().processInstanceId(review.processInstanceId()).singleResult();
    }

    JsonNode formVariables(EngineApi api, String query) throws Exception {
        var response = api.as(port, school.teacher().username()).get(api.root + "/task/" + reflection.getId() + "/form-variables" + query);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    @ParameterizedTest
    @EnumSource(EngineApi.class)
    void theFormIsGivenWhoseReviewItIsWithoutAnyOfItBeingKeptOnTheTask(EngineApi api) throws Exception {
        JsonNode form = formVariables(api, "?deserializeValues=false");

        assertThat(form.get("revieweeName").get("value").asText()).isEqualTo(FormText.literal(school.teacher().fullName()));
        assertThat(form.get("revieweeName").get("type").asText()).isEqualTo("String");
        assertThat(form.get("revieweeJobTitle").get("value").asText()).isEqualTo(FormText.literal(school.teacher().jobTitle()));
        assertThat(form.get("reviewerName").get("value").asText()).isEqualTo(FormText.literal(school.leader().fullName()));
        assertThat(form.get("schoolName").get("value").asText()).isEqualTo(FormText.literal(school.school().name()));
        assertThat(form.get("cycleYear").get("value").asText()).isEqualTo(FormText.literal(school.cycle().academicYear()));
        assertThat(tasks.getVariablesLocal(reflection.getId())).doesNotContainKeys("revieweeName", "reviewerName");
    }

    @ParameterizedTest
    @EnumSource(EngineApi.class)
    void aFormAskingForSomeValuesIsGivenOnlyThose(EngineApi api) throws Exception {
        JsonNode form = formVariables(api, "?variableNames=reviewerName,strengths");

        assertThat(form.has("reviewerName")).isTrue();
        assertThat(form.has("revieweeName")).isFalse();
        assertThat(form.has("schoolName")).isFalse();
    }

    @ParameterizedTest
    @EnumSource(EngineApi.class)
    void aReviewIdSetOnTheTaskByHandBringsNoOtherReviewsFactsIntoTheForm(EngineApi api) throws Exception {
        // an admin may set variables on a task of their school: pointing it at another school's review
        var other = TestSchool.create(schools, staff);
        launcher.launch(other.cycle().id());
        long othersReview = reviews.reviewsIn(other.cycle().id()).stream()
                .filter(r -> r.staffId().equals(other.teacher().id())).findFirst().orElseThrow().id();
        tasks.setVariableLocal(reflection.getId(), "reviewId", othersReview);

        JsonNode form = formVariables(api, "");

        assertThat(form.toString()).doesNotContain(other.teacher().fullName(), other.school().name());
        assertThat(form.has("revieweeName")).isFalse();
    }

    @ParameterizedTest
    @EnumSource(EngineApi.class)
    void anOpenFormNamesTheNewTeamLeaderAfterAChange(EngineApi api) throws Exception {
        staff.assignReviewer(school.teacher().id(), school.head().id());

        assertThat(formVariables(api, "").get("reviewerName").get("value").asText())
                .isEqualTo(FormText.literal(school.head().fullName()));
    }
}
