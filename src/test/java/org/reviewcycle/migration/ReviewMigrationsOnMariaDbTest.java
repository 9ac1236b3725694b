package org.reviewcycle.migration;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.reviewcycle.cycledesign.CycleDesignService;
import org.reviewcycle.process.AnnualReviewCycleProcess;
import org.reviewcycle.process.AnnualReviewCycleProcess.Elements;
import org.reviewcycle.process.CycleLauncher;
import org.reviewcycle.process.SchoolDeployments;
import org.reviewcycle.review.Review;
import org.reviewcycle.review.ReviewService;
import org.reviewcycle.review.ReviewState;
import org.reviewcycle.school.School;
import org.reviewcycle.staff.StaffService;
import org.reviewcycle.support.GeneratedTrust;
import org.reviewcycle.support.MariaDbTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * A thousand running reviews of one school, spread over every user task of the shipped model (each
 * walked there by its people, with the dry run's answers), move onto a new version built from the
 * shipped model with one step added and one renamed: every review is on the new version after the
 * batch, at the same task (the same task id), with nothing of ours lost; then some walk to the end on
 * the new version, those from the first step through the added one.
 */
@MariaDbTest
class ReviewMigrationsOnMariaDbTest {

    private static final int REVIEWS = 1000;
    private static final int WALKERS = 4;
    private static final String ADDED = ReviewMigrationsTest.ADDED;
    private static final String ADDED_NAME = ReviewMigrationsTest.ADDED_NAME;
    private static final String RENAMED_NAME = "Hold the mid-year review";

    @Autowired DataSource dataSource;
    @Autowired SchoolDeployments deployments;
    @Autowired CycleLauncher launcher;
    @Autowired CycleDesignService design;
    @Autowired ReviewMigrations migrations;
    @Autowired ReviewService reviews;
    @Autowired StaffService staff;
    @Autowired ProcessEngine engine;

    @AfterEach
    void loggedOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void aThousandReviewsOverEveryStepMoveOntoANewVersionAndCarryOnThere() throws Exception {
        var generated = new GeneratedTrust(dataSource, "m" + UUID.randomUUID().toString().substring(0, 6))
                .addSchool(1, REVIEWS + 1, GeneratedTrust.Milestones.of2026());
        School school = new School(generated.id(), generated.code(), generated.code());
        deployments.deploy(school);
        SecurityContextHolder.getContext().setAuthentication(new TestingAuthenticationToken("admin", null, "admins"));
        assertThat(launcher.launch(generated.cycleId()).started()).isEqualTo(REVIEWS);
        List<Review> launched = reviews.reviewsIn(generated.cycleId());
        assertThat(launched).hasSize(REVIEWS);

        // spread over the user tasks, in the order a review meets them: some fifty at each later step,
        // the rest at the first (walking a review costs a submission per step, and the machine is small);
        // a review whose path has not got its step (no lesson observation for support staff) stops at
        // the next one it meets
        String shipped = Files.readString(Path.of("bpmn/AnnualReviewCycle.bpmn"), StandardCharsets.UTF_8);
        List<String> order = ChangedModel.userTasksInOrder(shipped).stream().map(UserTask::getId).toList();
        var walker = new ReviewWalker(engine, staff, generated.head());
        Map<String, String> stepOf = walkAll(launched, order, walker);
        assertThat(stepOf.values()).contains(Elements.SELF_REFLECTION, Elements.PLANNING_MEETING,
                Elements.APPROVE_OBJECTIVES, Elements.ACKNOWLEDGE_OBJECTIVES, Elements.MID_YEAR_CHECK,
                Elements.LESSON_OBSERVATION, Elements.FINAL_REVIEW, Elements.REVIEWEE_SIGN_OFF, Elements.HEAD_SIGN_OFF);
        Map<String, String> taskBefore = openTasks(generated.code());
        Map<String, Long> ourRowsBefore = ourRows(generated.cycleId());

        // version 2: a step added after the first, the mid-year check renamed
        String first = order.get(0);
        String changed = ChangedModel.of(shipped)
                .addStepAfter(first, ADDED, ADDED_NAME, "${revieweeUsername}",
                        ChangedModel.userTasksInOrder(shipped).get(0).getCamundaFormRef())
                .rename(Elements.MID_YEAR_CHECK, RENAMED_NAME).xml();
        assertThat(design.publish(school, "AnnualReviewCycle.bpmn", changed, "Feedback from pupils; the mid-year review"))
                .isEqualTo(2);

        MigrationPreview preview = migrations.preview(school, 2, null);
        assertThat(preview.rows()).hasSize(REVIEWS);
        assertThat(preview.notMovable()).isEmpty();
        assertThat(preview.rows()).filteredOn(row -> row.now().equals("Hold the mid-year check"))
                .isNotEmpty().allSatisfy(row -> assertThat(row.then()).isEqualTo(RENAMED_NAME));

        long id = migrations.start(school, 2, null);
        walker.runBatches(generated.code());

        MigrationProgress progress = migrations.progress(school, id);
        assertThat(progress.finished()).isTrue();
        assertThat(progress.total()).isEqualTo(REVIEWS);
        assertThat(progress.moved()).isEqualTo(REVIEWS);
        assertThat(progress.failures()).isEmpty();
        String version2 = engine.getRepositoryService().createProcessDefinitionQuery()
                .processDefinitionKey(AnnualReviewCycleProcess.KEY).tenantIdIn(generated.code())
                .processDefinitionVersion(2).singleResult().getId();
        var runtime = engine.getRuntimeService();
        assertThat(runtime.createProcessInstanceQuery().tenantIdIn(generated.code()).count()).isEqualTo(REVIEWS);
        assertThat(runtime.createProcessInstanceQuery().processDefinitionId(version2).count()).isEqualTo(REVIEWS);
        // every task where it was, the same task; our rows as they were
        assertThat(openTasks(generated.code())).isEqualTo(taskBefore);
        assertThat(ourRows(generated.cycleId())).isEqualTo(ourRowsBefore);
        assertThat(reviews.reviewsIn(generated.cycleId())).allSatisfy(review -> {
            assertThat(review.state()).isEqualTo(ReviewState.IN_PROGRESS);
            assertThat(review.processInstanceId()).isEqualTo(launched.stream()
                    .filter(r -> r.id().equals(review.id())).findFirst().orElseThrow().processInstanceId());
        });

        // some walk to the end on version 2: those from the first step through the added one
        Map<String, List<Review>> byStep = launched.stream()
                .collect(Collectors.groupingBy(r -> stepOf.get(r.processInstanceId())));
        var walkedThrough = new ArrayList<Review>(byStep.get(first).subList(0, 3));
        for (String step : List.of(Elements.MID_YEAR_CHECK, Elements.LESSON_OBSERVATION, Elements.HEAD_SIGN_OFF)) {
            walkedThrough.add(byStep.get(step).get(0));
        }
        for (Review review : walkedThrough) {
            List<String> done = walker.walkToEnd(review.processInstanceId());
            assertThat(done.contains(ADDED)).as("the added step, for a review at %s", stepOf.get(review.processInstanceId()))
                    .isEqualTo(stepOf.get(review.processInstanceId()).equals(first));
            assertThat(reviews.find(review.id()).orElseThrow().state()).isEqualTo(ReviewState.COMPLETE);
        }
        assertThat(engine.getHistoryService().createHistoricActivityInstanceQuery().activityId(ADDED).finished()
                .processDefinitionId(version2).count()).isEqualTo(3);
    }

    /** Walks each review to its step, {@value #WALKERS} at a time; returns process instance to the step it waits at. */
    private Map<String, String> walkAll(List<Review> launched, List<String> order, ReviewWalker walker) throws Exception {
        Map<String, String> stepOf = new ConcurrentHashMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(WALKERS);
        try {
            var walks = new ArrayList<Future<?>>();
            int perLaterStep = launched.size() / (2 * order.size());
            for (int i = 0; i < launched.size(); i++) {
                String instanceId = launched.get(i).processInstanceId();
                int target = i < perLaterStep * (order.size() - 1) ? 1 + i / perLaterStep : 0;
                walks.add(pool.submit(() -> {
                    walker.walkUntil(instanceId, at -> order.indexOf(at) >= target);
                    stepOf.put(instanceId, walker.at(instanceId));
                }));
            }
            for (Future<?> walk : walks) {
                walk.get();
            }
        } finally {
            pool.shutdownNow();
        }
        return stepOf;
    }

    /** Each running review's open task: process instance to task id and step. */
    private Map<String, String> openTasks(String tenant) {
        var open = new HashMap<String, String>();
        for (int first = 0;; first += 1000) {
            List<Task> page = engine.getTaskService().createTaskQuery().tenantIdIn(tenant).orderByTaskId().asc()
                    .listPage(first, 1000);
            page.forEach(task -> open.put(task.getProcessInstanceId(), task.getId() + " " + task.getTaskDefinitionKey()));
            if (page.size() < 1000) {
                return open;
            }
        }
    }

    /** How many rows of what people wrote our tables hold for the cycle's reviews, by table. */
    private Map<String, Long> ourRows(long cycleId) {
        var jdbc = new JdbcTemplate(dataSource);
        return List.of("self_reflection", "objective", "objective_decision", "objective_response", "mid_year_check",
                "lesson_observation", "final_review").stream().collect(Collectors.toMap(Function.identity(), table -> jdbc.queryForObject(
                        "select count(*) from " + table + " t join review r on r.id = t.review_id where r.cycle_id = ?",
                        Long.class, cycleId)));
    }
}
