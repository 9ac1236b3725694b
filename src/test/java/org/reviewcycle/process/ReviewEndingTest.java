package org.reviewcycle.process;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.reviewcycle.review.Review;
import org.reviewcycle.review.ReviewService;
import org.reviewcycle.review.ReviewState;
import org.reviewcycle.school.SchoolService;
import org.reviewcycle.staff.StaffService;
import org.reviewcycle.support.TestSchool;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/** A review ended before completion: its process is gone with the reason, its record kept and marked. */
@SpringBootTest
class ReviewEndingTest {

    @Autowired SchoolService schools;
    @Autowired StaffService staff;
    @Autowired ReviewService reviews;
    @Autowired CycleLauncher launcher;
    @Autowired ReviewEnding ending;
    @Autowired RuntimeService runtime;
    @Autowired TaskService tasks;
    @Autowired HistoryService history;

    @Test
    void endingARunningReviewDeletesItsProcessWithTheReasonAndKeepsTheRecord() {
        var school = TestSchool.create(schools, staff);
        launcher.launch(school.cycle().id());
        Review review = reviews.reviewsIn(school.cycle().id()).get(0);
        String reason = "Left the school on 31 January 2027";

        assertThat(ending.end(review.id(), reason)).isTrue();

        assertThat(runtime.createProcessInstanceQuery().processInstanceId(review.processInstanceId()).count()).isZero();
        assertThat(tasks.createTaskQuery().processInstanceId(review.processInstanceId()).count()).isZero();
        assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(review.processInstanceId())
                .singleResult().getDeleteReason()).isEqualTo(reason);
        assertThat(reviews.find(review.id()).orElseThrow().state()).isEqualTo(ReviewState.ENDED);
        assertThat(reviews.endReason(review.id())).contains(reason);
    }

    @Test
    void aReviewThatHasEndedAlreadyIsLeftAsItWas() {
        var school = TestSchool.create(schools, staff);
        launcher.launch(school.cycle().id());
        Review review = reviews.reviewsIn(school.cycle().id()).get(0);
        ending.end(review.id(), "The cycle was closed");

        assertThat(ending.end(review.id(), "Left the school")).isFalse();
        assertThat(reviews.endReason(review.id())).contains("The cycle was closed");
    }
}
