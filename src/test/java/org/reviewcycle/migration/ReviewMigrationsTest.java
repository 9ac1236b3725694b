package org.reviewcycle.migration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.reviewcycle.common.InvalidInput;
import org.reviewcycle.cycledesign.CycleDesignService;
import org.reviewcycle.history.AdministrationHistory;
import org.reviewcycle.process.CycleLauncher;
import org.reviewcycle.review.Review;
import org.reviewcycle.review.ReviewService;
import org.reviewcycle.school.SchoolService;
import org.reviewcycle.staff.StaffService;
import org.reviewcycle.support.TestSchool;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The preview and the batch, through the service on the engine: reviews launched on the school's
 * version 1 move onto a version 2 with an added step; one of them then goes on to that step, and
 * moving them back onto version 1 leaves it where it is, saying why, while the others move.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
class ReviewMigrationsTest {

    static final String ADDED = "Task_ReflectOnFeedback";
    static final String ADDED_NAME = "Reflect on feedback from pupils";

    @Autowired ReviewMigrations migrations;
    @Autowired CycleDesignService design;
    @Autowired SchoolService schools;
    @Autowired StaffService staff;
    @Autowired ReviewService reviews;
    @Autowired CycleLauncher launcher;
    @Autowired ProcessEngine engine;
    @Autowired AdministrationHistory history;

    @AfterEach
    void loggedOut() {
        SecurityContextHolder.clearContext();
    }

    /** The shipped model with a step for the member of staff after the first step of the cycle. */
    static String withAddedStep() throws IOException {
        String shipped = shipped();
        String first = ChangedModel.userTasksInOrder(shipped).get(0).getId();
        return ChangedModel.of(shipped).addStepAfter(first, ADDED, ADDED_NAME, "${revieweeUsername}",
                ChangedModel.userTasksInOrder(shipped).get(0).getCamundaFormRef()).xml();
    }

    @Test
    void aReviewAtAStepTheTargetHasNotGotIsReportedAndLeftWhereItIsWhileTheOthersMove() throws IOException {
        TestSchool created = TestSchool.create(schools, staff);
        var school = created.school();
        SecurityContextHolder.getContext().setAuthentication(
                new TestingAuthenticationToken(created.leader().username(), null, "admins"));
        launcher.launch(created.cycle().id());
        Map<Long, Review> byStaff = reviews.reviewsIn(created.cycle().id()).stream()
                .collect(Collectors.toMap(Review::staffId, Function.identity()));
        assertThat(byStaff).hasSize(3);
        String first = ChangedModel.userTasksInOrder(Files.readString(Path.of("bpmn/AnnualReviewCycle.bpmn"))).get(0).getId();
        String firstName = ChangedModel.userTasksInOrder(Files.readString(Path.of("bpmn/AnnualReviewCycle.bpmn"))).get(0).getName();

        assertThat(design.publish(school, "AnnualReviewCycle.bpmn", withAddedStep(), "A step to reflect on pupils' feedback"))
                .isEqualTo(2);

        // onto version 2: every review can move, and stays at its step
        MigrationPreview onto2 = migrations.preview(school, 2, null);
        assertThat(onto2.rows()).hasSize(3).allSatisfy(row -> {
            assertThat(row.whyNot()).isNull();
            assertThat(row.sourceVersion()).isEqualTo(1);
            assertThat(row.now()).isEqualTo(firstName);
            assertThat(row.then()).isEqualTo(firstName);
        });
        assertThat(onto2.rows()).extracting(MigrationPreview.Row::person)
                .contains(created.teacher().fullName(), created.assistant().fullName());
        var walker = new ReviewWalker(engine, staff, created.head().username());
        String teacherTask = engine.getTaskService().createTaskQuery()
                .processInstanceId(byStaff.get(created.teacher().id()).processInstanceId()).singleResult().getId();

        long toVersion2 = migrations.start(school, 2, null);
        walker.runBatches(school.code());

        MigrationProgress moved = migrations.progress(school, toVersion2);
        assertThat(moved.finished()).isTrue();
        assertThat(moved.moved()).isEqualTo(3);
        assertThat(moved.failures()).isEmpty();
        String version2 = engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey("AnnualReviewCycle")
                .tenantIdIn(school.code()).processDefinitionVersion(2).singleResult().getId();
        assertThat(engine.getRuntimeService().createProcessInstanceQuery().tenantIdIn(school.code())
                .processDefinitionId(version2).count()).isEqualTo(3);
        // the same task, with its id: nothing in our tables or in Tasklist has to follow it
        String teacher = byStaff.get(created.teacher().id()).processInstanceId();
        assertThat(engine.getTaskService().createTaskQuery().processInstanceId(teacher).singleResult().getId())
                .isEqualTo(teacherTask);
        assertThat(reviews.find(byStaff.get(created.teacher().id()).id()).orElseThrow().processInstanceId())
                .isEqualTo(teacher);

        // the teacher does the first step and meets the added one
        walker.walkUntil(teacher, ADDED::equals);
        assertThat(walker.at(teacher)).isEqualTo(ADDED);
        assertThat(reviews.selfReflection(byStaff.get(created.teacher().id()).id())).isPresent();

        // back onto version 1: the teacher's review cannot move; only the others are offered by step
        MigrationPreview back = migrations.preview(school, 1, null);
        assertThat(back.notMovable()).singleElement().satisfies(row -> {
            assertThat(row.person()).isEqualTo(created.teacher().fullName());
            assertThat(row.now()).isEqualTo(ADDED_NAME);
            assertThat(row.whyNot()).isEqualTo("Their open step “" + ADDED_NAME + "” is not in version 1.");
        });
        assertThat(back.movable()).hasSize(2);
        assertThat(migrations.preview(school, 1, first).rows()).hasSize(2);
        assertThat(migrations.currentSteps(school)).extracting(ReviewMigrations.Step::name, ReviewMigrations.Step::reviews)
                .containsExactlyInAnyOrder(org.assertj.core.api.Assertions.tuple(firstName, 2),
                        org.assertj.core.api.Assertions.tuple(ADDED_NAME, 1));
        assertThatThrownBy(() -> migrations.start(school, 1, ADDED)).isInstanceOf(InvalidInput.class)
                .hasMessageContaining("None of the chosen reviews can move onto version 1: Their open step");
        assertThatThrownBy(() -> migrations.preview(school, 7, null)).isInstanceOf(InvalidInput.class)
                .hasMessageContaining("has no version 7 of the cycle");

        long toVersion1 = migrations.start(school, 1, null);
        walker.runBatches(school.code());

        MigrationProgress result = migrations.progress(school, toVersion1);
        assertThat(result.finished()).isTrue();
        assertThat(result.total()).isEqualTo(2);
        assertThat(result.moved()).isEqualTo(2);
        assertThat(result.left()).isEqualTo(1);
        assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(teacher).singleResult()
                .getProcessDefinitionId()).isEqualTo(version2);
        assertThat(walker.at(teacher)).isEqualTo(ADDED);
        assertThat(migrations.migrations(school)).extracting(MigrationProgress::id).containsExactly(toVersion1, toVersion2);
        assertThat(history.changes(school.id(), null, null, 0, 10).entries()).anySatisfy(change ->
                assertThat(change.change().action()).isEqualTo("Started moving 2 running reviews onto version 1 of the cycle"));
    }

    @Test
    void aVersionThatReadsAVariableTheReviewsHaveNotGotIsReportedAndNothingMoves() throws IOException {
        TestSchool created = launchedSchool();
        var school = created.school();
        // a version deployed from Camunda Modeler or Cockpit, whose added step goes to a variable nobody sets
        String shipped = shipped();
        var first = ChangedModel.userTasksInOrder(shipped).get(0);
        deploy(school, ChangedModel.of(shipped).addStepAfter(first.getId(), ADDED, ADDED_NAME, "${pupilVoiceLead}",
                first.getCamundaFormRef()).xml());

        MigrationPreview preview = migrations.preview(school, 2, null);
        assertThat(preview.rows()).hasSize(3).allSatisfy(row -> assertThat(row.whyNot()).isEqualTo(
                "Version 2 needs “pupilVoiceLead”, which this review has not got: the new version's steps would stop at it."));
        assertThatThrownBy(() -> migrations.start(school, 2, null)).isInstanceOf(InvalidInput.class);
        assertThat(engine.getManagementService().createBatchQuery().tenantIdIn(school.code()).count()).isZero();
        assertThat(migrations.migrations(school)).isEmpty();
    }

    @Test
    void aWaitingStepWhoseIdChangedButNotItsNameIsFoundByItsName() throws IOException {
        TestSchool created = launchedSchool();
        var school = created.school();
        String shipped = shipped();
        var first = ChangedModel.userTasksInOrder(shipped).get(0);
        deploy(school, withAddedStep());
        var walker = new ReviewWalker(engine, staff, created.head().username());
        migrations.start(school, 2, null);
        walker.runBatches(school.code());
        String teacher = reviews.runningReviewsOf(created.teacher().id()).get(0).processInstanceId();
        walker.walkUntil(teacher, ADDED::equals);

        // version 3: the added step under another id, with the same name
        deploy(school, ChangedModel.of(shipped).addStepAfter(first.getId(), "Task_PupilFeedback", ADDED_NAME,
                "${revieweeUsername}", first.getCamundaFormRef()).xml());
        MigrationPreview preview = migrations.preview(school, 3, ADDED);
        assertThat(preview.rows()).singleElement().satisfies(row -> {
            assertThat(row.whyNot()).isNull();
            assertThat(row.then()).isEqualTo(ADDED_NAME);
        });
        migrations.start(school, 3, ADDED);
        walker.runBatches(school.code());
        assertThat(walker.at(teacher)).isEqualTo("Task_PupilFeedback");
    }

    /** A school of the test's own whose cycle is launched: three reviews at the first step of version 1. */
    private TestSchool launchedSchool() {
        TestSchool created = TestSchool.create(schools, staff);
        SecurityContextHolder.getContext().setAuthentication(new TestingAuthenticationToken("admin", null, "admins"));
        launcher.launch(created.cycle().id());
        return created;
    }

    private static String shipped() throws IOException {
        return Files.readString(Path.of("bpmn/AnnualReviewCycle.bpmn"), StandardCharsets.UTF_8);
    }

    /** Deploys the cycle with {@code bpmn} for the school, as Camunda Modeler or Cockpit would (through the deploy gate). */
    private void deploy(org.reviewcycle.school.School school, String bpmn) {
        var repository = engine.getRepositoryService();
        String current = repository.createProcessDefinitionQuery().processDefinitionKey("AnnualReviewCycle")
                .tenantIdIn(school.code()).latestVersion().singleResult().getDeploymentId();
        var deployment = repository.createDeployment().name("Changed in Camunda Modeler").tenantId(school.code());
        for (String name : repository.getDeploymentResourceNames(current)) {
            deployment.addInputStream(name, name.endsWith(".bpmn")
                    ? new java.io.ByteArrayInputStream(bpmn.getBytes(StandardCharsets.UTF_8))
                    : repository.getResourceAsStream(current, name));
        }
        deployment.deploy();
    }
}
