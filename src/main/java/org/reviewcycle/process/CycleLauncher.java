package org.reviewcycle.process;

import static org.reviewcycle.process.AnnualReviewCycleProcess.Variables;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstantiationBuilder;
import org.camunda.bpm.engine.runtime.ProcessInstance;
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
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Launches a school's cycle: one AnnualReviewCycle per member of staff who has started, has not
 * left, and has a reviewer who has not left, with the review's id as business key; the others are
 * named in the report with the reason. Each small batch is its own transaction (the review rows
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
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

    private final SchoolService schools;
    private final StaffService staff;
    private final ReviewService reviews;
    private final RuntimeService runtime;
    private final RepositoryService repository;
    private final TransactionTemplate transaction;
    private final Clock clock;

    CycleLauncher(SchoolService schools, StaffService staff, ReviewService reviews, RuntimeService runtime,
            RepositoryService repository, PlatformTransactionManager transactionManager,
            ObjectProvider<Clock> clock) {
        // the application's Clock when it has one (a test can launch in another year)
        this.clock = clock.getIfAvailable(Clock::systemDefaultZone);
        this.schools = schools;
        this.staff = staff;
        this.reviews = reviews;
        this.runtime = runtime;
        this.repository = repository;
        this.transaction = new TransactionTemplate(transactionManager);
    }

    /**
     * What a launch reports as it goes, for a launch run in the background: who gets a review and
     * who does not, then each batch as it starts.
     */
    public interface Progress {

        /** Once, before the first batch: how many reviews are to start, how many run already, who is skipped. */
        void planned(int toStart, int alreadyRunning, List<LaunchReport.Skipped> skipped);

        /**
         * After each batch has started its reviews, inside the batch's transaction (so that what it
         * records commits with them, or not at all). False stops the launch after this batch.
         */
        boolean batchStarted(int started);
    }

    private static final Progress UNWATCHED = new Progress() {
        @Override
        public void planned(int toStart, int alreadyRunning, List<LaunchReport.Skipped> skipped) {
        }

        @Override
        public boolean batchStarted(int started) {
            return true;
        }
    };

    public LaunchReport launch(long cycleId) {
        return launch(cycleId, UNWATCHED);
    }

    /**
     * Launches the cycle, telling {@code progress} as it goes. Refused for a closed cycle and for a
     * closed school.
     */
    public LaunchReport launch(long cycleId, Progress progress) {
        ReviewCycle planned = schools.findCycle(cycleId)
                .orElseThrow(() -> new IllegalArgumentException("No review cycle with id " + cycleId));
        School school = schools.findSchool(planned.schoolId()).orElseThrow();
        requireLaunchable(planned, school);
        Set<Long> running = reviews.reviewsIn(cycleId).stream().filter(r -> r.processInstanceId() != null)
                .map(Review::staffId).collect(Collectors.toSet());

        List<StaffMember> schoolStaff = staff.staffOf(school.id());
        Map<Long, StaffMember> byId = new HashMap<>();
        schoolStaff.forEach(member -> byId.put(member.id(), member));
        LocalDate today = LocalDate.now(clock);
        var toStart = new ArrayList<StaffMember>();
        var skipped = new ArrayList<LaunchReport.Skipped>();
        for (StaffMember member : schoolStaff) {
            if (running.contains(member.id())) {
                continue;
            }
            String reason = reasonForNoReview(member, planned, today, byId);
            if (reason == null) {
                toStart.add(member);
            } else if (!leftBefore(member, planned.firstDay())) {
                // someone who left before this academic year began is no news to anyone
                skipped.add(new LaunchReport.Skipped(member.id(), member.fullName(), member.jobTitle(), reason));
            }
        }
        progress.planned(toStart.size(), running.size(), List.copyOf(skipped));
        if (planned.state() == CycleState.PLANNED) {
            schools.changeCycleState(cycleId, CycleState.OPEN);
        }
        ReviewCycle cycle = schools.findCycle(cycleId).orElseThrow();
        // every review of this launch runs the school's own model (its tenant, SchoolDeployments), the
        // version that is the latest when its first review starts: that one starts by key and tenant,
        // the rest by its definition's id; each review, and its tasks, history and jobs, carry the
        // school's tenant id. (Counted, not queried: a definition query reads the whole model for its
        // documentation, which the launch has no use for.)
        if (repository.createProcessDefinitionQuery().processDefinitionKey(AnnualReviewCycleProcess.KEY)
                .tenantIdIn(school.code()).count() == 0) {
            throw new IllegalStateException(school.name() + " has no appraisal cycle deployed; restart ReviewCycle, "
                    + "which deploys it for every school");
        }
        var definitionId = new String[1];
        int started = 0;
        int offered = 0;
        boolean carryOn = true;
        for (int from = 0; from < toStart.size() && carryOn; from += BATCH_SIZE) {
            List<StaffMember> batch = toStart.subList(from, Math.min(from + BATCH_SIZE, toStart.size()));
            int[] startedInBatch = new int[1];
            carryOn = Boolean.TRUE.equals(transaction.execute(status -> {
                startedInBatch[0] = startBatch(definitionId, cycle, school, batch, byId);
                return progress.batchStarted(startedInBatch[0]);
            }));
            started += startedInBatch[0];
            offered += batch.size();
        }
        int alreadyRunning = running.size() + offered - started;
        log.info("Launched the {} cycle of {}: {} started, {} running already, {} given no review{}",
                cycle.academicYear(), school.name(), started, alreadyRunning, skipped.size(),
                carryOn ? "" : " (stopped before the end)");
        return new LaunchReport(cycleId, cycle.academicYear(), school.name(), started, alreadyRunning,
                List.copyOf(skipped));
    }

    /** Refuses to launch a closed cycle, or any cycle of a closed school, with the sentence why. */
    public static void requireLaunchable(ReviewCycle cycle, School school) {
        if (cycle.closed()) {
            throw new IllegalStateException("The " + cycle.academicYear() + " cycle is closed; it cannot be launched");
        }
        if (school.closed()) {
            throw new IllegalStateException(school.name() + " is closed; a closed school starts no reviews");
        }
    }

    /**
     * Why this member of staff gets no review in the cycle; null when they get one. {@code byId}
     * holds the school's staff by id (a reviewer missing from it is looked up and added).
     */
    public String reasonForNoReview(StaffMember member, ReviewCycle cycle, LocalDate today,
            Map<Long, StaffMember> byId) {
        if (hasLeft(member, today)) {
            return member.leftOn() == null ? "Has left the school" : "Left the school on " + DAY.format(member.leftOn());
        }
        if (member.startedOn() != null && member.startedOn().isAfter(today)) {
            return "Starts on " + DAY.format(member.startedOn()) + "; launch again once they have started";
        }
        StaffMember reviewer = member.reviewerId() == null ? null
                : byId.computeIfAbsent(member.reviewerId(), id -> staff.find(id).orElse(null));
        if (reviewer == null) {
            return "No reviewer yet";
        }
        if (hasLeft(reviewer, today)) {
            // their planning meeting would go to someone who can no longer log in
            return "Their reviewer " + reviewer.fullName() + " has left";
        }
        return null;
    }

    /** A leaver: marked inactive, or their leaving date is today or has passed. */
    private static boolean hasLeft(StaffMember member, LocalDate today) {
        return !member.active() || member.leftOn() != null && !member.leftOn().isAfter(today);
    }

    private static boolean leftBefore(StaffMember member, LocalDate day) {
        return member.leftOn() != null && member.leftOn().isBefore(day);
    }

    /**
     * Starts the process of one opened review on the definition {@code definitionId}, with the
     * variables every review begins with; the caller records the instance on the review
     * ({@link ReviewService#markStarted}). The launch starts each review this way, and so does the
     * dry run of a changed model (dryrun.DryRunService), so that it runs as a launched review would.
     */
    public ProcessInstance startReview(String definitionId, ReviewFacts facts, School school) {
        return start(runtime.createProcessInstanceById(definitionId), facts, school);
    }

    private ProcessInstance start(ProcessInstantiationBuilder instantiation, ReviewFacts facts, School school) {
        return instantiation
                .businessKey(String.valueOf(facts.review().id()))
                .setVariable(Variables.REVIEW_ID, facts.review().id())
                .setVariable(Variables.REVIEWEE, facts.reviewee().username())
                .setVariable(Variables.REVIEWER, facts.reviewer().username())
                .setVariable(Variables.HEAD_GROUP, EngineGroups.headOf(school.code()))
                .setVariable(Variables.STAFF_CATEGORY, facts.reviewee().category().name())
                .setVariable(Variables.MID_YEAR_CHECK_DONE, false)
                .execute();
    }

    /**
     * Starts the reviews of one batch; returns how many, leaving out any another launch started
     * meanwhile. The launch's first review starts on the school's latest model and sets
     * {@code definitionId[0]}, on which every other review of the launch starts.
     */
    private int startBatch(String[] definitionId, ReviewCycle cycle, School school, List<StaffMember> batch,
            Map<Long, StaffMember> byId) {
        schools.lockCycleForLaunch(cycle.id());
        // closing takes the same lock: a cycle closed since the launch began starts nobody more
        requireLaunchable(schools.findCycle(cycle.id()).orElseThrow(), school);
        var reviewers = new HashMap<Long, StaffMember>();
        batch.forEach(member -> reviewers.put(member.id(), byId.get(member.reviewerId())));
        var instanceByReview = new HashMap<Long, String>();
        for (ReviewFacts facts : reviews.openReviews(cycle, school, batch, reviewers)) {
            ProcessInstance instance = definitionId[0] != null ? startReview(definitionId[0], facts, school)
                    : start(runtime.createProcessInstanceByKey(AnnualReviewCycleProcess.KEY)
                            .processDefinitionTenantId(school.code()), facts, school);
            definitionId[0] = instance.getProcessDefinitionId();
            instanceByReview.put(facts.review().id(), instance.getId());
        }
        reviews.markStarted(instanceByReview);
        return instanceByReview.size();
    }
}
