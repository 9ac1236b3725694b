package org.reviewcycle.process;

import static org.reviewcycle.process.AnnualReviewCycleProcess.Variables;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;

import org.camunda.bpm.engine.RuntimeService;
import org.reviewcycle.review.Review;
import org.reviewcycle.review.ReviewService;
import org.reviewcycle.school.CycleState;
import org.reviewcycle.school.ReviewCycle;
import org.reviewcycle.school.School;
import org.reviewcycle.school.SchoolService;
import org.reviewcycle.staff.EngineGroups;
import org.reviewcycle.staff.StaffMember;
import org.reviewcycle.staff.StaffService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Launches a school's cycle: one AnnualReviewCycle per active member of staff who has a reviewer,
 * with the review's id as business key. Each small batch is its own transaction (the review row
 * and its process instance are written together), so a launch stopped halfway leaves whole
 * reviews only, and launching again starts the rest: a review that runs already is left alone, and
 * someone who joined since is added.
 */
@Service
public class CycleLauncher {

    static final int BATCH_SIZE = 50;

    private static final Logger log = LoggerFactory.getLogger(CycleLauncher.class);

    private final SchoolService schools;
    private final StaffService staff;
    private final ReviewService reviews;
    private final RuntimeService runtime;
    private final TransactionTemplate transaction;

    CycleLauncher(SchoolService schools, StaffService staff, ReviewService reviews, RuntimeService runtime,
            PlatformTransactionManager transactionManager) {
        this.schools = schools;
        this.staff = staff;
        this.reviews = reviews;
        this.runtime = runtime;
        this.transaction = new TransactionTemplate(transactionManager);
    }

    public LaunchReport launch(long cycleId) {
        ReviewCycle cycle = schools.findCycle(cycleId)
                .orElseThrow(() -> new IllegalArgumentException("No review cycle with id " + cycleId));
        if (cycle.state() == CycleState.CLOSED) {
            throw new IllegalStateException("The " + cycle.academicYear() + " cycle is closed");
        }
        School school = schools.findSchool(cycle.schoolId()).orElseThrow();
        var running = new HashMap<Long, Review>();
        reviews.reviewsIn(cycleId).stream().filter(r -> r.processInstanceId() != null)
                .forEach(r -> running.put(r.staffId(), r));

        var toStart = new ArrayList<StaffMember>();
        var withoutReviewer = new ArrayList<String>();
        int alreadyRunning = 0;
        for (StaffMember member : staff.staffOf(school.id())) {
            if (!member.active()) {
                continue;
            }
            if (member.reviewerId() == null) {
                withoutReviewer.add(member.fullName() + " (" + member.jobTitle() + ")");
            } else if (running.containsKey(member.id())) {
                alreadyRunning++;
            } else {
                toStart.add(member);
            }
        }
        if (cycle.state() == CycleState.PLANNED) {
            schools.changeCycleState(cycleId, CycleState.OPEN);
        }
        for (int from = 0; from < toStart.size(); from += BATCH_SIZE) {
            List<StaffMember> batch = toStart.subList(from, Math.min(from + BATCH_SIZE, toStart.size()));
            transaction.executeWithoutResult(status -> batch.forEach(member -> start(cycle, school, member)));
        }
        log.info("Launched the {} cycle of {}: {} started, {} running already, {} without a reviewer",
                cycle.academicYear(), school.name(), toStart.size(), alreadyRunning, withoutReviewer.size());
        return new LaunchReport(cycleId, cycle.academicYear(), school.name(), toStart.size(), alreadyRunning,
                withoutReviewer);
    }

    private void start(ReviewCycle cycle, School school, StaffMember member) {
        Review review = reviews.openReview(cycle.id(), member.id(), member.reviewerId());
        StaffMember reviewer = staff.find(member.reviewerId()).orElseThrow();
        var instance = runtime.createProcessInstanceByKey(AnnualReviewCycleProcess.KEY)
                .businessKey(String.valueOf(review.id()))
                .setVariable(Variables.REVIEW_ID, review.id())
                .setVariable(Variables.REVIEWEE, member.username())
                .setVariable(Variables.REVIEWER, reviewer.username())
                .setVariable(Variables.HEAD_GROUP, EngineGroups.headOf(school.code()))
                .setVariable(Variables.STAFF_CATEGORY, member.category().name())
                .setVariable(Variables.MID_YEAR_CHECK_DONE, false)
                .execute();
        reviews.markStarted(review.id(), instance.getId());
    }
}
