package org.reviewcycle.process;

import static org.reviewcycle.process.AnnualReviewCycleProcess.Variables;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.reviewcycle.review.Review;
import org.reviewcycle.review.ReviewFacts;
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
 * Launches a school's cycle: one AnnualReviewCycle per active member of staff who has an active
 * reviewer, with the review's id as business key; the others are named in the report. Each small batch is its own transaction (the review rows
 * and their process instances are written together), so a launch stopped halfway, even by a
 * killed process, leaves whole reviews only, and launching again starts the rest: a review that
 * runs already is left alone, and someone who joined since is added. Each batch first takes the
 * cycle's launch lock, so launches of one cycle on two nodes at once never start a review twice.
 */
@Service
public class CycleLauncher {

    /** Reviews per transaction: small enough to hold locks briefly, large enough to share the commit. */
    public static final int BATCH_SIZE = 50;

    private static final Logger log = LoggerFactory.getLogger(CycleLauncher.class);

    private final SchoolService schools;
    private final StaffService staff;
    private final ReviewService reviews;
    private final RuntimeService runtime;
    private final RepositoryService repository;
    private final TransactionTemplate transaction;

    CycleLauncher(SchoolService schools, StaffService staff, ReviewService reviews, RuntimeService runtime,
            RepositoryService repository, PlatformTransactionManager transactionManager) {
        this.schools = schools;
        this.staff = staff;
        this.reviews = reviews;
        this.runtime = runtime;
        this.repository = repository;
        this.transaction = new TransactionTemplate(transactionManager);
    }

    public LaunchReport launch(long cycleId) {
        ReviewCycle planned = schools.findCycle(cycleId)
                .orElseThrow(() -> new IllegalArgumentException("No review cycle with id " + cycleId));
        if (planned.state() == CycleState.CLOSED) {
            throw new IllegalStateException("The " + planned.academicYear() + " cycle is closed");
        }
        School school = schools.findSchool(planned.schoolId()).orElseThrow();
        Set<Long> running = reviews.reviewsIn(cycleId).stream().filter(r -> r.processInstanceId() != null)
                .map(Review::staffId).collect(Collectors.toSet());

        List<StaffMember> schoolStaff = staff.staffOf(school.id());
        Map<Long, StaffMember> byId = new HashMap<>();
        schoolStaff.forEach(member -> byId.put(member.id(), member));
        var toStart = new ArrayList<StaffMember>();
        var withoutReviewer = new ArrayList<String>();
        for (StaffMember member : schoolStaff) {
            if (!member.active() || running.contains(member.id())) {
                continue;
            }
            StaffMember reviewer = member.reviewerId() == null ? null
                    : byId.computeIfAbsent(member.reviewerId(), id -> staff.find(id).orElse(null));
            if (reviewer == null) {
                withoutReviewer.add(member.fullName() + " (" + member.jobTitle() + ")");
            } else if (!reviewer.active()) {
                // their planning meeting would go to someone who can no longer log in
                withoutReviewer.add(member.fullName() + " (" + member.jobTitle() + "): their reviewer "
                        + reviewer.fullName() + " has left");
            } else {
                toStart.add(member);
            }
        }
        if (planned.state() == CycleState.PLANNED) {
            schools.changeCycleState(cycleId, CycleState.OPEN);
        }
        ReviewCycle cycle = schools.findCycle(cycleId).orElseThrow();
        // every review of this launch runs the school's own model (its tenant, SchoolDeployments), the
        // version that was the latest when it began; started by that definition's id, each review,
        // and its tasks, history and jobs, carry the school's tenant id
        String definitionId = repository.createProcessDefinitionQuery()
                .processDefinitionKey(AnnualReviewCycleProcess.KEY).tenantIdIn(school.code())
                .latestVersion().singleResult().getId();
        int started = 0;
        for (int from = 0; from < toStart.size(); from += BATCH_SIZE) {
            List<StaffMember> batch = toStart.subList(from, Math.min(from + BATCH_SIZE, toStart.size()));
            started += transaction.execute(status -> startBatch(definitionId, cycle, school, batch, byId));
        }
        int alreadyRunning = running.size() + toStart.size() - started;
        log.info("Launched the {} cycle of {}: {} started, {} running already, {} without a reviewer",
                cycle.academicYear(), school.name(), started, alreadyRunning, withoutReviewer.size());
        return new LaunchReport(cycleId, cycle.academicYear(), school.name(), started, alreadyRunning,
                withoutReviewer);
    }

    /** Starts the reviews of one batch; returns how many, leaving out any another launch started meanwhile. */
    private int startBatch(String definitionId, ReviewCycle cycle, School school, List<StaffMember> batch,
            Map<Long, StaffMember> byId) {
        schools.lockCycleForLaunch(cycle.id());
        var reviewers = new HashMap<Long, StaffMember>();
        batch.forEach(member -> reviewers.put(member.id(), byId.get(member.reviewerId())));
        var instanceByReview = new HashMap<Long, String>();
        for (ReviewFacts facts : reviews.openReviews(cycle, school, batch, reviewers)) {
            var instance = runtime.createProcessInstanceById(definitionId)
                    .businessKey(String.valueOf(facts.review().id()))
                    .setVariable(Variables.REVIEW_ID, facts.review().id())
                    .setVariable(Variables.REVIEWEE, facts.reviewee().username())
                    .setVariable(Variables.REVIEWER, facts.reviewer().username())
                    .setVariable(Variables.HEAD_GROUP, EngineGroups.headOf(school.code()))
                    .setVariable(Variables.STAFF_CATEGORY, facts.reviewee().category().name())
                    .setVariable(Variables.MID_YEAR_CHECK_DONE, false)
                    .execute();
            instanceByReview.put(facts.review().id(), instance.getId());
        }
        reviews.markStarted(instanceByReview);
        return instanceByReview.size();
    }
}
