package org.reviewcycle.cycles;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.reviewcycle.common.NotFoundException;
import org.reviewcycle.history.AdministrationHistory;
import org.reviewcycle.history.AdministrationHistory.Subject;
import org.reviewcycle.process.ReviewEnding;
import org.reviewcycle.review.Review;
import org.reviewcycle.review.ReviewService;
import org.reviewcycle.review.ReviewState;
import org.reviewcycle.school.CycleState;
import org.reviewcycle.school.ReviewCycle;
import org.reviewcycle.school.SchoolService;
import org.reviewcycle.security.AdministeredSchools;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The entry point for a school's cycles as its admins run them: planning a cycle, changing its dates
 * before it is launched, and closing it at the end of the year. Each change is in the history.
 * Every method checks that the person administers the cycle's school.
 */
@Service
public class CycleService {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

    private final SchoolService schools;
    private final ReviewService reviews;
    private final ReviewEnding ending;
    private final CycleLaunches launches;
    private final AdministeredSchools administered;
    private final AdministrationHistory history;
    private final Clock clock;
    private final TransactionTemplate transaction;

    CycleService(SchoolService schools, ReviewService reviews, ReviewEnding ending, CycleLaunches launches,
            AdministeredSchools administered, AdministrationHistory history, ObjectProvider<Clock> clock,
            PlatformTransactionManager transactionManager) {
        this.transaction = new TransactionTemplate(transactionManager);
        this.schools = schools;
        this.reviews = reviews;
        this.ending = ending;
        this.launches = launches;
        this.administered = administered;
        this.history = history;
        this.clock = clock.getIfAvailable(Clock::systemDefaultZone);
    }

    /** The school's cycle, if the person administers the school; else refused, as if it did not exist elsewhere. */
    @Transactional(readOnly = true)
    public ReviewCycle cycleOf(long schoolId, long cycleId) {
        administered.require(schoolId);
        return schools.findCycle(cycleId).filter(cycle -> cycle.schoolId() == schoolId)
                .orElseThrow(() -> new NotFoundException("This school has no such review cycle."));
    }

    @Transactional(readOnly = true)
    public List<ReviewCycle> cyclesOf(long schoolId) {
        administered.require(schoolId);
        return schools.cyclesOf(schoolId);
    }

    @Transactional
    public ReviewCycle plan(ReviewCycle cycle) {
        administered.require(cycle.schoolId());
        ReviewCycle planned = schools.planCycle(cycle);
        history.record(subject(planned), "Planned the cycle", null, dates(planned));
        return planned;
    }

    @Transactional
    public ReviewCycle changeDates(long schoolId, ReviewCycle dates) {
        ReviewCycle before = cycleOf(schoolId, dates.id());
        ReviewCycle after = schools.changeCycleDates(dates);
        history.record(subject(after), "Changed the cycle's dates", dates(before), dates(after));
        return after;
    }

    /** The cycle's reviews still running (started, neither complete nor ended). */
    @Transactional(readOnly = true)
    public List<Review> runningReviews(long schoolId, long cycleId) {
        cycleOf(schoolId, cycleId);
        return reviews.reviewsIn(cycleId).stream()
                .filter(r -> r.processInstanceId() != null)
                .filter(r -> r.state() != ReviewState.COMPLETE && r.state() != ReviewState.ENDED)
                .toList();
    }

    /**
     * Closes the cycle: it becomes CLOSED (so no launch starts more), any running launch stops, and
     * then each review still running ends with the reason, each in its own transaction
     * (ReviewEnding), so a school of hundreds is never one long transaction. Should that stop
     * halfway, closing again ends the rest. Returns how many reviews ended.
     */
    public int close(long schoolId, long cycleId) {
        ReviewCycle cycle = cycleOf(schoolId, cycleId);
        String reason = "The " + cycle.academicYear() + " cycle was closed on " + DAY.format(LocalDate.now(clock));
        if (!cycle.closed()) {
            transaction.executeWithoutResult(status -> {
                // waits for a batch of a launch under way to commit; the launch then stops
                schools.lockCycleForLaunch(cycleId);
                schools.changeCycleState(cycleId, CycleState.CLOSED);
                launches.stopAnyOf(cycleId);
                history.record(subject(cycle), "Closed the cycle", Map.of("State", label(cycle.state())),
                        Map.of("State", label(CycleState.CLOSED)));
            });
        }
        int ended = 0;
        for (Review review : runningReviews(schoolId, cycleId)) {
            if (ending.end(review.id(), reason)) {
                ended++;
            }
        }
        return ended;
    }

    static String label(CycleState state) {
        return switch (state) {
            case PLANNED -> "Planned";
            case OPEN -> "Launched";
            case CLOSED -> "Closed";
        };
    }

    private static Subject subject(ReviewCycle cycle) {
        return new Subject(cycle.schoolId(), null, "Review cycle", cycle.id(), cycle.academicYear() + " cycle");
    }

    private static Map<String, String> dates(ReviewCycle cycle) {
        var fields = new LinkedHashMap<String, String>();
        fields.put("Academic year", cycle.academicYear());
        fields.put("Objectives agreed by", day(cycle.objectivesAgreedBy()));
        fields.put("Mid-year check from", day(cycle.midYearCheckFrom()));
        fields.put("Lesson observations by", day(cycle.observationsBy()));
        fields.put("Final review from", day(cycle.finalReviewFrom()));
        fields.put("Final review due", day(cycle.finalReviewDue()));
        fields.put("Support staff: objectives agreed by", day(cycle.supportObjectivesAgreedBy()));
        fields.put("Support staff: mid-year check from", day(cycle.supportMidYearCheckFrom()));
        fields.put("Support staff: final review from", day(cycle.supportFinalReviewFrom()));
        fields.put("Support staff: final review due", day(cycle.supportFinalReviewDue()));
        fields.put("New starters: weeks to agree objectives", String.valueOf(cycle.newStarterWeeks()));
        return fields;
    }

    private static String day(LocalDate day) {
        return day == null ? "" : DAY.format(day);
    }
}
