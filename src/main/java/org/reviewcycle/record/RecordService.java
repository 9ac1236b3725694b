package org.reviewcycle.record;

import static org.reviewcycle.history.AdministrationHistory.fields;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import java.util.Set;
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
import org.reviewcycle.school.ReviewCycle;
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
    static final String RECORD_REFUSED = "You may not read this record.";
    private static final String NOT_HEAD_OR_ADMIN = "Only the school's head and administrators may do this.";
    private static final String PAY_READER = "Reads pay recommendations";

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

    // ==== One review's record (the page /records/reviews/{id}, its PDF, the school's zip) ====

    /** A reader whom {@link RecordAccess} let in, the review, its reviewee, and why. */
    record Reading(StaffMember reader, PastReview review, StaffMember reviewee, RecordAccess.Grant grant) {

        boolean own() {
            return grant == RecordAccess.Grant.REVIEWEE;
        }
    }

    /** The record page's model: the record, whether it is the reader's own, and (only then) who read it. */
    public record RecordPage(ReviewRecord record, boolean own, List<RecordRead> reads) {
    }

    /**
     * The record of one review for the logged-in person, refused unless {@link RecordAccess} lets them read
     * it (a review that does not exist is refused the same way, so nobody learns which ids exist). A read of
     * someone else's record is written to the access log in this transaction.
     */
    public RecordPage readRecord(long reviewId, RecordRead.What what) {
        Reading reading = authorise(staff.findByUsername(actor.username()).orElse(null), reviewId);
        logRead(reading, what);
        List<RecordRead> reads = reading.own() ? records.selectReadsOfReviewsOf(reading.reviewee().id()).stream()
                .filter(read -> read.reviewId().equals(reviewId)).toList() : List.of();
        return new RecordPage(assemble(reading), reading.own(), reads);
    }

    /** The same for a reader named explicitly: the school's zip, built away from the request. */
    public ReviewRecord readRecordAs(StaffMember reader, long reviewId, RecordRead.What what) {
        Reading reading = authorise(reader, reviewId);
        logRead(reading, what);
        return assemble(reading);
    }

    private Reading authorise(StaffMember reader, long reviewId) {
        PastReview review = records.selectReview(reviewId).orElseThrow(() -> new NotPermittedException(RECORD_REFUSED));
        StaffMember reviewee = staff.find(review.staffId()).orElseThrow();
        var grant = access.grant(reader, review, reviewee, pastReviewsFollowMovers())
                .orElseThrow(() -> new NotPermittedException(RECORD_REFUSED));
        return new Reading(reader, review, reviewee, grant);
    }

    private void logRead(Reading reading, RecordRead.What what) {
        if (reading.own()) {
            return;
        }
        records.insertRead(reading.review().reviewId(), reading.reader().id(), reading.grant(), what);
        if (reading.grant() == RecordAccess.Grant.HEAD_OF_SCHOOL_MOVED_TO) {
            notedInTheOldSchoolsHistory(reading.review(), reading.reviewee(), reading.reader());
        }
    }

    private ReviewRecord assemble(Reading reading) {
        boolean payShown = access.seesPay(reading.grant(),
                records.selectIsPayReader(reading.review().schoolId(), reading.reader().id()));
        return assemble(reading.review(), payShown);
    }

    /** Everything recorded in one review, in order; without the pay recommendation unless {@code payShown}. */
    private ReviewRecord assemble(PastReview review, boolean payShown) {
        long id = review.reviewId();
        var objectives = records.selectObjectives(id);
        Map<Long, ReviewRecord.Answer> decisions = byKey(records.selectObjectiveDecisions(id));
        Map<Long, ReviewRecord.Answer> responses = byKey(records.selectObjectiveResponses(id));
        Map<Long, ReviewRecord.Answer> objectivesAnswers = byKey(records.selectObjectivesDisagreementAnswers(id));
        var rounds = objectives.stream().map(ReviewRecord.RecordObjective::round).distinct()
                .map(round -> new ReviewRecord.ObjectiveRound(round,
                        objectives.stream().filter(o -> o.round() == round).toList(),
                        decisions.get((long) round), responses.get((long) round), objectivesAnswers.get((long) round)))
                .toList();
        var midYear = records.selectMidYear(id);
        if (midYear != null) {
            midYear = midYear.withProgress(records.selectMidYearProgress(id));
        }
        Map<Long, List<String>> focus = records.selectObservationFocus(id).stream().collect(Collectors.groupingBy(
                ObservationFocus::observationId, Collectors.mapping(ObservationFocus::title, Collectors.toList())));
        var observations = records.selectObservations(id).stream()
                .map(o -> o.withFocus(focus.getOrDefault(o.id(), List.of()))).toList();
        var selfReview = records.selectSelfReview(id);
        if (selfReview != null) {
            selfReview = selfReview.withObjectives(records.selectSelfReviewAchievements(id));
        }
        var outcomes = records.selectOutcomes(id);
        Map<Long, ReviewRecord.Answer> signOffs = byKey(records.selectRevieweeSignOffs(id));
        Map<Long, ReviewRecord.Answer> finalReviewAnswers = byKey(records.selectFinalReviewDisagreementAnswers(id));
        Map<Long, ReviewRecord.Answer> headDecisions = byKey(records.selectFinalReviewDecisions(id));
        var finalRounds = records.selectFinalReviews(id).stream()
                .map(text -> new ReviewRecord.FinalRound(payShown ? text : text.withoutPay(),
                        outcomes.stream().filter(o -> o.finalReviewId().equals(text.id())).toList(),
                        signOffs.get(text.id()), finalReviewAnswers.get(text.id()), headDecisions.get(text.id())))
                .toList();
        return new ReviewRecord(review, records.selectPerson(review.staffId()),
                records.selectPerson(review.reviewerId()), records.selectHeadOf(review.schoolId()),
                records.selectReflection(id), rounds, midYear, observations, selfReview, finalRounds, payShown);
    }

    private static Map<Long, ReviewRecord.Answer> byKey(List<ReviewRecord.Answer> answers) {
        return answers.stream().collect(Collectors.toMap(ReviewRecord.Answer::stepKey, Function.identity(), (a, b) -> b));
    }

    // ==== Everything held about the logged-in person (the subject access export) ====

    /** A person's staff record, every review of theirs in full (pay included: it is theirs), who read them. */
    public record SubjectAccess(StaffMember person, School school, List<ReviewRecord> reviews, List<RecordRead> reads) {
    }

    /** Everything held about the logged-in person; nobody else's, whoever asks. Not written to the access log. */
    @Transactional(readOnly = true)
    public SubjectAccess subjectAccess() {
        StaffMember person = staff.findByUsername(actor.username())
                .orElseThrow(() -> new NotPermittedException("Only members of staff have a record to download."));
        List<ReviewRecord> all = records.selectReviewsOf(person.id()).stream()
                .map(review -> assemble(new Reading(person, review, person, RecordAccess.Grant.REVIEWEE))).toList();
        return new SubjectAccess(person, schools.findSchool(person.schoolId()).orElseThrow(), all,
                records.selectReadsOfReviewsOf(person.id()));
    }

    // ==== A school's reports for a cycle, and its pay readers: its head and administrators ====

    /** A cycle whose reports the logged-in person may download, who they are, and its reviews in name order. */
    public record CycleToReport(ReviewCycle cycle, School school, StaffMember reader, List<Long> reviewIds) {
    }

    @Transactional(readOnly = true)
    public CycleToReport cycleToReport(long cycleId) {
        StaffMember reader = staff.findByUsername(actor.username()).orElse(null);
        ReviewCycle cycle = schools.findCycle(cycleId).filter(c -> access.answersForSchool(reader, c.schoolId()))
                .orElseThrow(() -> new NotPermittedException(NOT_HEAD_OR_ADMIN));
        return new CycleToReport(cycle, schools.findSchool(cycle.schoolId()).orElseThrow(), reader,
                records.selectReviewIdsOfCycle(cycleId));
    }

    /** The logged-in person's school when they are its head or an administrator; else empty. */
    @Transactional(readOnly = true)
    public Optional<School> schoolIAnswerFor() {
        StaffMember reader = staff.findByUsername(actor.username()).orElse(null);
        return reader != null && access.answersForSchool(reader, reader.schoolId())
                ? schools.findSchool(reader.schoolId()) : Optional.empty();
    }

    /** The cycles of {@link #schoolIAnswerFor()}, newest first; none for anyone else. */
    @Transactional(readOnly = true)
    public List<ReviewCycle> cyclesToReport() {
        return schoolIAnswerFor().map(school -> schools.cyclesOf(school.id()).stream()
                .sorted(Comparator.comparing(ReviewCycle::academicYear).reversed()).toList()).orElse(List.of());
    }

    /**
     * A school's administrators and which of them it names to read pay recommendations; {@code mayChange} when the
     * person reading is the head, who alone names them.
     */
    public record PayReaders(School school, List<StaffMember> administrators, Set<Long> named, boolean mayChange) {
    }

    /** The pay readers of {@link #schoolIAnswerFor()}; refused for anyone else. */
    @Transactional(readOnly = true)
    public PayReaders payReaders() {
        School school = schoolIAnswerFor().orElseThrow(() -> new NotPermittedException(NOT_HEAD_OR_ADMIN));
        StaffMember reader = staff.findByUsername(actor.username()).orElse(null);
        return new PayReaders(school, administratorsOf(school.id()),
                Set.copyOf(records.selectPayReaderIds(school.id())), access.namesPayReaders(reader, school.id()));
    }

    /**
     * The head of {@link #schoolIAnswerFor()} names one of its administrators to read pay recommendations, or stops,
     * noted in the school's history; returns them. Nobody else may (not the administrators themselves).
     */
    public StaffMember setPayReader(long staffId, boolean named) {
        School school = schoolIAnswerFor().orElseThrow(() -> new NotPermittedException(NOT_HEAD_OR_ADMIN));
        if (!access.namesPayReaders(staff.findByUsername(actor.username()).orElse(null), school.id())) {
            // an administrator naming themselves would read every pay recommendation of the school
            throw new NotPermittedException("Only the head names who reads pay recommendations.");
        }
        StaffMember admin = administratorsOf(school.id()).stream().filter(a -> a.id() == staffId).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(
                        "Only the school's administrators can be named to read pay recommendations."));
        boolean was = records.selectIsPayReader(school.id(), staffId);
        if (was != named) {
            if (named) {
                records.insertPayReader(school.id(), staffId, actor.username());
            } else {
                records.deletePayReader(school.id(), staffId);
            }
            history.record(new Subject(school.id(), staffId, "Pay reader", staffId, admin.fullName()),
                    named ? "Named to read pay recommendations" : "No longer reads pay recommendations",
                    fields(PAY_READER, was ? "Yes" : "No"), fields(PAY_READER, named ? "Yes" : "No"));
        }
        return admin;
    }

    private List<StaffMember> administratorsOf(long schoolId) {
        return staff.currentStaffOf(schoolId).stream().filter(StaffMember::administrator).toList();
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
            logRead(new Reading(reader, review, person, grant.get()), RecordRead.What.SUMMARY);
        }
        boolean own = reader != null && reader.id().equals(person.id());
        if (readable.isEmpty() && !own) {
            throw new NotPermittedException(REFUSED);
        }
        return new PersonRecord(person, schools.findSchool(person.schoolId()).orElseThrow(), readable, notShown);
    }

    private void notedInTheOldSchoolsHistory(PastReview review, StaffMember person, StaffMember reader) {
        history.record(new Subject(review.schoolId(), person.id(), "Review", review.reviewId(),
                person.fullName() + ", " + review.academicYear()),
                "Read by the head of the school they moved to", null,
                fields("Read by", reader.fullName(), "Allowed by", "the trust setting \"" + SETTING + "\""));
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
