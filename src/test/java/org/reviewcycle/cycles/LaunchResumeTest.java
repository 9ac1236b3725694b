package org.reviewcycle.cycles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;

import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.reviewcycle.process.CycleLauncher;
import org.reviewcycle.review.Review;
import org.reviewcycle.review.ReviewService;
import org.reviewcycle.school.SchoolService;
import org.reviewcycle.staff.StaffService;
import org.reviewcycle.support.TestSchool;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * A launch RUNNING when its node stopped (killed after its first batch): a fresh start of the
 * launcher on any node carries it on, one node only, and nobody gets a second review.
 */
@SpringBootTest
class LaunchResumeTest {

    @Autowired SchoolService schools;
    @Autowired StaffService staff;
    @Autowired ReviewService reviews;
    @Autowired RuntimeService runtime;
    @Autowired CycleLauncher launcher;
    @Autowired CycleLaunches launches;
    @Autowired LaunchMapper launchRows;

    @Test
    void aLaunchLeftRunningByAStoppedNodeIsCarriedOnByTheNextStartAndStartsNobodyTwice() {
        var school = TestSchool.create(schools, staff);
        long cycleId = school.cycle().id();
        // the node that stopped: its launch row says RUNNING, its heartbeat is old, and one review
        // (the teacher's) had started before it stopped
        launchRows.insertLaunch(cycleId, "admin", LocalDateTime.now().minusMinutes(10));
        long launchId = launchRows.selectRunningOfCycle(cycleId).orElseThrow().id();
        staff.assignReviewer(school.assistant().id(), null);
        launcher.launch(cycleId);
        staff.assignReviewer(school.assistant().id(), school.leader().id());
        assertThat(reviews.reviewsIn(cycleId)).hasSize(2);

        // the start-up's look for abandoned launches (also run by every node every half lease)
        int claimedNow = launches.resumeAbandoned();

        await().atMost(Duration.ofSeconds(30)).until(() -> !launches.find(launchId).running());
        Launch carriedOn = launches.find(launchId);
        assertThat(claimedNow).isLessThanOrEqualTo(1);
        assertThat(carriedOn.state()).isEqualTo(LaunchState.FINISHED);
        assertThat(carriedOn.started()).isEqualTo(1);
        assertThat(carriedOn.alreadyRunning()).isEqualTo(2);
        assertThat(launches.skipped(launchId)).extracting(LaunchSkip::name).containsExactly(school.head().fullName());
        List<Review> opened = reviews.reviewsIn(cycleId);
        assertThat(opened).hasSize(3).allSatisfy(review -> assertThat(runtime.createProcessInstanceQuery()
                .processInstanceBusinessKey(String.valueOf(review.id())).count()).isOne());
        // a second node looking now finds nothing to carry on
        assertThat(launches.resumeAbandoned()).isZero();
    }

    @Test
    void aRunningLaunchWhoseNodeIsAliveIsLeftToIt() {
        var school = TestSchool.create(schools, staff);
        launchRows.insertLaunch(school.cycle().id(), "admin", LocalDateTime.now());
        long launchId = launchRows.selectRunningOfCycle(school.cycle().id()).orElseThrow().id();

        assertThat(launches.resumeAbandoned()).isZero();

        assertThat(launches.find(launchId).state()).isEqualTo(LaunchState.RUNNING);
        assertThat(reviews.reviewsIn(school.cycle().id())).isEmpty();
    }
}
