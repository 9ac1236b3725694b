package org.reviewcycle.record;

import static org.reviewcycle.history.AdministrationHistory.fields;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.reviewcycle.common.CurrentActor;
import org.reviewcycle.common.NotPermittedException;
import org.reviewcycle.history.AdministrationHistory;
import org.reviewcycle.history.AdministrationHistory.Subject;
import org.reviewcycle.objective.Objective;
import org.reviewcycle.objective.ObjectiveService;
import org.reviewcycle.review.ObjectiveOutcome;
import org.reviewcycle.review.ReviewService;
import org.reviewcycle.school.School;
import org.reviewcycle.school.SchoolService;
import org.reviewcycle.security.AdministeredSchools;
import org.reviewcycle.staff.StaffCategory;
import org.reviewcycle.staff.StaffMember;
import org.reviewcycle.staff.StaffService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The record people read and the trust setting it depends on. Every read asks {@link RecordAccess}; a read
 * that only the trust setting allows (the head of the school a person moved to) is written to the history
 * of the school whose review it is, so that school can see who read its records.
 */
@Service
@Transactional
public class RecordService {

    static final String SETTING = "Past reviews follow staff who move";
    private static final String REFUSED = "You may not read this person's reviews.";

    private final RecordMapper records;
    private final RecordAccess access;
    private final StaffService staff;
    private final SchoolService schools;
    private final ReviewService reviews;
    private final ObjectiveService objectives;
    private final AdministrationHistory history;
    private final CurrentActor actor;
    private final AdministeredSchools administered;

    RecordService(RecordMapper records, RecordAccess access, StaffService staff, SchoolService schools,
            ReviewService reviews, ObjectiveService objectives, AdministrationHistory history, CurrentActor actor,
            AdministeredSchools administered) {
        this.administered = administered;
        this.records = records;
        this.access = access;
        this.staff = staff;
        this.schools = schools;
        this.reviews = reviews;
        this.objectives = objectives;
        this.history = history;
        this.actor = actor;
    }

    /** One objective with its outcome at the final review (none yet before it). */
    public record ObjectiveLine(Objective objective, ObjectiveOutcome outcome) {
    }

    /** A review the reader may read, with its objectives as they stand and their outcomes. */
    public record ReadReview(PastReview review, List<ObjectiveLine> objectives) {
    }

    /**
     * A person's reviews that the reader may read, newest first, and how many others there are (kept by
     * other schools, which the reader may not read).
     */
    public record PersonRecord(StaffMember person, School school, List<ReadReview> reviews, int notShown) {
    }

    /** True when {@code username} may read the review's record (issue 14's record page asks here). */
    @Transactional(readOnly = true)
    public boolean mayRead(String username, long reviewId) {
        var review = records.selectReview(reviewId);
        var reader = staff.findByUsername(username);
        return review.isPresent() && reader.isPresent() && access.grant(reader.get(), review.get(),
                staff.find(review.get().staffId()).orElseThrow(), pastReviewsFollowMovers()).isPresent();
    }

    /**
     * The past reviews of {@code staffId} that the logged-in person may read; refused when they may read none
     * of them (unless it is their own record, which may be empty). Reads the trust setting allowed are noted
     * in the history of the review's school.
     */
    public PersonRecord pastReviewsOf(long staffId) {
        StaffMember reader = staff.findByUsername(actor.username()).orElse(null);
        StaffMember person = staff.find(staffId).orElseThrow(() -> new NotPermittedException(REFUSED));
        boolean follow = pastReviewsFollowMovers();
        var readable = new ArrayList<ReadReview>();
        int notShown = 0;
        for (PastReview review : records.selectReviewsOf(staffId)) {
            var grant = access.grant(reader, review, person, follow);
            if (grant.isEmpty()) {
                notShown++;
                continue;
            }
            readable.add(new ReadReview(review, objectivesOf(review.reviewId())));
            if (grant.get() == RecordAccess.Grant.HEAD_OF_SCHOOL_MOVED_TO) {
                history.record(new Subject(review.schoolId(), staffId, "Review", review.reviewId(),
                        person.fullName() + ", " + review.academicYear()),
                        "Read by the head of the school they moved to", null,
                        fields("Read by", reader.fullName(), "Allowed by", "the trust setting \"" + SETTING + "\""));
            }
        }
        boolean own = reader != null && reader.id().equals(person.id());
        if (readable.isEmpty() && !own) {
            throw new NotPermittedException(REFUSED);
        }
        return new PersonRecord(person, schools.findSchool(person.schoolId()).orElseThrow(), readable, notShown);
    }

    private List<ObjectiveLine> objectivesOf(long reviewId) {
        Map<Long, ObjectiveOutcome> outcomes = reviews.finalReview(reviewId)
                .map(finalReview -> reviews.outcomes(finalReview.id()).stream()
                        .collect(Collectors.toMap(ObjectiveOutcome::objectiveId, Function.identity(), (a, b) -> b)))
                .orElse(Map.of());
        return objectives.currentObjectives(reviewId).stream()
                .map(objective -> new ObjectiveLine(objective, outcomes.get(objective.id()))).toList();
    }

    /**
     * Whose past reviews to offer the logged-in person (the page /records): themselves, the people they
     * review, and, for a head, everyone working at their school. Each page still asks {@link RecordAccess}.
     */
    @Transactional(readOnly = true)
    public List<StaffMember> peopleToOffer() {
        StaffMember reader = staff.findByUsername(actor.username()).orElse(null);
        if (reader == null) {
            return List.of();
        }
        List<StaffMember> colleagues = staff.currentStaffOf(reader.schoolId());
        var people = new ArrayList<StaffMember>();
        people.add(reader);
        colleagues.stream().filter(c -> !c.id().equals(reader.id()))
                .filter(c -> reader.category() == StaffCategory.HEADTEACHER || reader.id().equals(c.reviewerId()))
                .forEach(people::add);
        return people;
    }

    // ==== The trust's setting ====

    /** "Past reviews follow staff who move": off unless a trust admin turned it on. */
    @Transactional(readOnly = true)
    public boolean pastReviewsFollowMovers() {
        return records.selectPastReviewsFollowMovers();
    }

    /** Turns the setting on or off (trust admins only), noted in the trust's history. */
    public void setPastReviewsFollowMovers(boolean on) {
        administered.requireTrustAdmin();
        boolean was = pastReviewsFollowMovers();
        if (was == on) {
            return;
        }
        records.updatePastReviewsFollowMovers(on, actor.username());
        history.record(new Subject(null, null, "Trust setting", null, SETTING), "Changed a trust setting",
                fields(SETTING, was ? "Yes" : "No"), fields(SETTING, on ? "Yes" : "No"));
    }
}
