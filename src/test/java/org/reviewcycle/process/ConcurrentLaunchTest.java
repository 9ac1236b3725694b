package org.reviewcycle.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;

import javax.sql.DataSource;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.reviewcycle.review.Review;
import org.reviewcycle.review.ReviewService;
import org.reviewcycle.school.School;
import org.reviewcycle.support.GeneratedTrust;
import org.reviewcycle.support.MariaDbTest;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Two admins (or two nodes) launch the same cycle at the same moment, on MariaDB: each review is
 * opened and started once, and the two reports add up.
 */
@MariaDbTest
class ConcurrentLaunchTest {

    @Autowired CycleLauncher launcher;
    @Autowired ReviewService reviews;
    @Autowired RuntimeService runtime;
    @Autowired TaskService tasks;
    @Autowired DataSource dataSource;
    @Autowired SchoolDeployments deployments;

    @Test
    void twoLaunchesOfOneCycleAtOnceStartEveryReviewOnce() throws Exception {
        var trust = new GeneratedTrust(dataSource, "l" + UUID.randomUUID().toString().substring(0, 6));
        // 300 staff: six batches each, so that the two launches overlap batch by batch
        var school = trust.addSchool(1, 301, GeneratedTrust.Milestones.of2026());
        // made by SQL, so nobody published SchoolCreated: its cycle is deployed here
        deployments.deploy(new School(school.id(), school.code(), school.code()));
        var bothReady = new CyclicBarrier(2);

        var first = CompletableFuture.supplyAsync(() -> launchAfter(bothReady, school.cycleId()));
        var second = CompletableFuture.supplyAsync(() -> launchAfter(bothReady, school.cycleId()));
        LaunchReport a = first.get();
        LaunchReport b = second.get();

        assertThat(a.started() + b.started()).isEqualTo(300);
        assertThat(a.started() + a.alreadyRunning()).isEqualTo(300);
        assertThat(b.started() + b.alreadyRunning()).isEqualTo(300);
        List<Review> opened = reviews.reviewsIn(school.cycleId());
        assertThat(opened).hasSize(300).allSatisfy(review -> {
            assertThat(review.processInstanceId()).isNotNull();
            assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(String.valueOf(review.id()))
                    .count()).isOne();
            assertThat(tasks.createTaskQuery().processInstanceId(review.processInstanceId()).count()).isOne();
        });
        assertThat(opened.stream().map(Review::staffId).distinct()).hasSize(300);
    }

    private LaunchReport launchAfter(CyclicBarrier start, long cycleId) {
        try {
            start.await();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return launcher.launch(cycleId);
    }
}
