package org.reviewcycle.review;

import static org.reviewcycle.common.Checks.optionalText;
import static org.reviewcycle.common.Checks.requireText;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.reviewcycle.common.CurrentActor;
import org.reviewcycle.common.TransactionMemo;
import org.reviewcycle.history.AdministrationHistory;
import org.reviewcycle.history.AdministrationHistory.Subject;
import org.reviewcycle.objective.Objective;
import org.reviewcycle.objective.ObjectiveRevision;
import org.reviewcycle.objective.ObjectiveService;
import org.reviewcycle.school.ReviewCycle;
import org.reviewcycle.school.School;
import org.reviewcycle.staff.StaffMember;
import org.reviewcycle.staff.StaffService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The entry point for reviews, one per member of staff per cycle, and for what their steps record:
 * the self-reflection, the mid-year check, the final review with its impact section and pay
 * recommendation, the self-review, the reviewee's sign-off (in agreement or not), the head's answers
 * to disagreements and the head's moderation.
 */
@Service
@Transactional
public class ReviewService {

    /** The longest free text a form field takes here; the forms show the same (FormLimitsTest). */
    public static final int TEXT_LENGTH = 2000;

    private final ReviewMapper reviews;
    private final ReviewRecordMapper records;
    private final ObjectiveService objectives;
    private final CurrentActor actor;
    private final StaffService staff;
    private final AdministrationHistory history;
    /** The facts of the reviews the launch opens, for the review tasks it creates in the same transaction. */
    private final TransactionMemo openedFacts = new TransactionMemo("facts of the reviews opened");

    ReviewService(ReviewMapper reviews, ReviewRecordMapper records, ObjectiveService objectives, CurrentActor actor,
            StaffService staff, AdministrationHistory history) {
        this.staff = staff;
        this.history = history;
        this.reviews = reviews;
        this.records = records;
        this.objectives = objectives;
        this.actor = actor;
    }

    /** The person's review in the cycle: the existing one, or a new one in state LAUNCHING. */
    public Review openReview(long cycleId, long staffId, long reviewerId) {
        openReviewRows(cycleId, Map.of(staffId, reviewerId));
        return reviews.selectByCycleAndStaff(cycleId, staffId).orElseThrow();
    }

    /**
     * The reviews to start for these members of staff in the cycle, each with its facts: a new
     * review, in state LAUNCHING, for each who has none yet, and any review left without a process
     * instance; reviews that run already are left out. One query and one insert for the lot, as
     * the cycle launch opens a batch at a time, and the facts are the ones the launch knows, kept
     * for the rest of the transaction, in which the reviews' first tasks ask for them. Launches of
     * one cycle hold its launch lock ({@link org.reviewcycle.school.SchoolService#lockCycleForLaunch}),
     * so two of them never open the same review.
     *
     * @param reviewers each member's reviewer, by the member's id
     */
    public List<ReviewFacts> openReviews(ReviewCycle cycle, School school, List<StaffMember> members,
            Map<Long, StaffMember> reviewers) {
        var reviewerIdByStaffId = new LinkedHashMap<Long, Long>();
        members.forEach(member -> reviewerIdByStaffId.put(member.id(), reviewers.get(member.id()).id()));
        Map<Long, StaffMember> byId = members.stream().collect(Collectors.toMap(StaffMember::id, Function.identity()));
        var opened = new ArrayList<ReviewFacts>();
        for (Review review : openReviewRows(cycle.id(), reviewerIdByStaffId)) {
            var facts = new ReviewFacts(review, cycle, school, byId.get(review.staffId()), reviewers.get(review.staffId()));
            openedFacts.put(review.id(), facts);
            opened.add(facts);
        }
        return opened;
    }

    private List<Review> openReviewRows(long cycleId, Map<Long, Long> reviewerIdByStaffId) {
        if (reviewerIdByStaffId.isEmpty()) {
            return List.of();
        }
        var staffIds = List.copyOf(reviewerIdByStaffId.keySet());
        List<Review> existing = reviews.selectByCycleAndStaffIds(cycleId, staffIds);
        var withReview = existing.stream().map(Review::staffId).collect(Collectors.toSet());
        List<Review> missing = reviewerIdByStaffId.entrySet().stream()
                .filter(e -> !withReview.contains(e.getKey()))
                .map(e -> new Review(null, cycleId, e.getKey(), e.getValue(), ReviewState.LAUNCHING, null))
                .toList();
        if (!missing.isEmpty()) {
            reviews.insertReviews(missing, actor.username());
            existing = reviews.selectByCycleAndStaffIds(cycleId, staffIds);
        }
        return existing.stream().filter(r -> r.processInstanceId() == null).toList();
    }

    /** Records the process instance that runs each review (review id to instance id); a review is started once only. */
    public void markStarted(Map<Long, String> processInstanceIdByReviewId) {
        if (processInstanceIdByReviewId.isEmpty()) {
            return;
        }
        int updated = reviews.updateStarted(processInstanceIdByReviewId, actor.username());
        if (updated != processInstanceIdByReviewId.size()) {
            throw new IllegalStateException("Of reviews " + processInstanceIdByReviewId.keySet() + ", "
                    + (processInstanceIdByReviewId.size() - updated) + " do not exist or have been started already");
        }
    }

    public void changeState(long reviewId, ReviewState state) {
        if (reviews.updateState(reviewId, state, actor.username()) != 1) {
            throw new IllegalArgumentException("No review with id " + reviewId);
        }
    }

    /**
     * Ends a review that has not finished, with the reason a head will read ("The 2026/27 cycle was
     * closed"); what was written so far is kept. False when it had finished already (nothing changes).
     */
    public boolean markEnded(long reviewId, String reason) {
        return reviews.updateEnded(reviewId, requireText("Reason", reason, 300), actor.username()) == 1;
    }

    /** Why the review ended before completion, if it did. */
    @Transactional(readOnly = true)
    public Optional<String> endReason(long reviewId) {
        return reviews.selectEndReason(reviewId);
    }

    @Transactional(readOnly = true)
    public Optional<Review> find(long id) {
        return reviews.selectById(id);
    }

    @Transactional(readOnly = true)
    public List<Review> reviewsIn(long cycleId) {
        return reviews.selectByCycle(cycleId);
    }

    /** The review with its cycle, school, reviewee and reviewer. */
    @Transactional(readOnly = true)
    public ReviewFacts facts(long reviewId) {
        return openedFacts.computeIfAbsent(reviewId, () -> reviews.selectFacts(reviewId)
                .orElseThrow(() -> new IllegalArgumentException("No review with id " + reviewId)));
    }

    public SelfReflection recordSelfReflection(long reviewId, String strengths, String developmentWishes,
            String objectiveIdeas) {
        requireReview(reviewId);
        if (records.selectSelfReflection(reviewId).isPresent()) {
            throw new IllegalStateException("The self-reflection of review " + reviewId + " has been recorded already");
        }
        var reflection = new SelfReflection(reviewId, optionalText("Strengths", strengths, TEXT_LENGTH),
                optionalText("What you want to develop", developmentWishes, TEXT_LENGTH),
                optionalText("Ideas for objectives", objectiveIdeas, TEXT_LENGTH));
        records.insertSelfReflection(reflection, actor.username());
        return reflection;
    }

    @Transactional(readOnly = true)
    public Optional<SelfReflection> selfReflection(long reviewId) {
        return records.selectSelfReflection(reviewId);
    }

    /**
     * Records the mid-year check: progress on every objective, and any change to an objective's
     * wording (which makes the objectives go back to the head). Returns whether objectives changed.
     */
    public boolean recordMidYearCheck(long reviewId, List<MidYearEntry> entries, String overallNote) {
        requireReview(reviewId);
        if (records.selectMidYearCheckId(reviewId).isPresent()) {
            throw new IllegalStateException("The mid-year check of review " + reviewId + " has been recorded already");
        }
        if (entries == null) {
            throw new IllegalArgumentException("Progress: give the progress on each objective");
        }
        for (MidYearEntry entry : entries) {
            if (entry.status() == null) {
                throw new IllegalArgumentException("Objective " + entry.position()
                        + ": choose on track, at risk or off track");
            }
            optionalText("Objective " + entry.position() + ": the note", entry.note(), TEXT_LENGTH);
        }
        String note = optionalText("Overall note", overallNote, TEXT_LENGTH);
        boolean changed = objectives.reviseAtMidYear(reviewId, entries.stream()
                .map(e -> new ObjectiveRevision(e.position(), e.title(), e.successCriteria())).toList());
        records.insertMidYearCheck(reviewId, note, changed, actor.username());
        long checkId = records.selectMidYearCheckId(reviewId).orElseThrow();
        Map<Integer, Objective> current = byPosition(objectives.currentObjectives(reviewId));
        for (MidYearEntry entry : entries) {
            records.insertMidYearProgress(checkId, new MidYearProgress(current.get(entry.position()).id(),
                    entry.status(), optionalText("Note", entry.note(), TEXT_LENGTH)), actor.username());
        }
        return changed;
    }

    @Transactional(readOnly = true)
    public List<MidYearProgress> midYearProgress(long reviewId) {
        return records.selectMidYearProgress(reviewId);
    }

    /**
     * Records the final review as a new round: an outcome with evidence for every objective, the
     * impact section, CPD, next year's needs, and a pay recommendation with reason when the review
     * plan (the ReviewPlan decision, which says so for teachers) makes one due, and none otherwise.
     */
    public FinalReview recordFinalReview(long reviewId, FinalReviewDraft draft, boolean payRecommendationDue) {
        ReviewFacts facts = facts(reviewId);
        Map<Integer, Objective> current = byPosition(objectives.currentObjectives(reviewId));
        var outcomes = new ArrayList<ObjectiveOutcome>();
        List<OutcomeEntry> entries = draft.outcomes() == null ? List.of() : draft.outcomes();
        Map<Integer, OutcomeEntry> given = entries.stream()
                .collect(Collectors.toMap(OutcomeEntry::position, Function.identity(), (a, b) -> {
                    throw new IllegalArgumentException("Outcomes: objective " + a.position() + " is given twice");
                }));
        for (Integer position : given.keySet()) {
            if (!current.containsKey(position)) {
                throw new IllegalArgumentException("Outcomes: this review has no objective " + position);
            }
        }
        for (Objective objective : current.values()) {
            String label = "Objective " + objective.position();
            OutcomeEntry entry = given.get(objective.position());
            if (entry == null || entry.outcome() == null) {
                throw new IllegalArgumentException(label + ": choose met, partly met or not met");
            }
            outcomes.add(new ObjectiveOutcome(objective.id(), entry.outcome(),
                    requireText(label + ": the evidence", entry.evidence(), TEXT_LENGTH)));
        }
        if (payRecommendationDue && draft.payRecommendation() == null) {
            throw new IllegalArgumentException("Pay recommendation: recommend pay progression or not, with a reason");
        }
        if (!payRecommendationDue && draft.payRecommendation() != null) {
            throw new IllegalArgumentException("Pay recommendation: the review plan of a "
                    + facts.reviewee().category().label().toLowerCase() + " has no pay recommendation");
        }
        int round = records.selectLatestFinalReview(reviewId).map(FinalReview::round).orElse(0) + 1;
        var review = new FinalReview(null, reviewId, round,
                requireText("Impact on pupils", draft.impactOnPupils(), TEXT_LENGTH),
                requireText("Impact on own practice", draft.impactOnPractice(), TEXT_LENGTH),
                requireText("Impact on colleagues and the school", draft.impactOnColleagues(), TEXT_LENGTH),
                optionalText("CPD undertaken", draft.cpdUndertaken(), TEXT_LENGTH),
                optionalText("Impact of the CPD", draft.cpdImpact(), TEXT_LENGTH),
                optionalText("Development needs for next year", draft.developmentNeeds(), TEXT_LENGTH),
                draft.payRecommendation(),
                payRecommendationDue ? requireText("Reason for the pay recommendation", draft.payReason(), TEXT_LENGTH)
                        : null);
        records.insertFinalReview(review, actor.username());
        FinalReview written = records.selectLatestFinalReview(reviewId).orElseThrow();
        outcomes.forEach(outcome -> records.insertOutcome(written.id(), outcome, actor.username()));
        return written;
    }

    @Transactional(readOnly = true)
    public Optional<FinalReview> finalReview(long reviewId) {
        return records.selectLatestFinalReview(reviewId);
    }

    @Transactional(readOnly = true)
    public List<ObjectiveOutcome> outcomes(long finalReviewId) {
        return records.selectOutcomes(finalReviewId);
    }

    /** The reviewee adds comments and signs the latest final review, in agreement with it. */
    public RevieweeSignOff signAsReviewee(long reviewId, String comments, boolean confirmed) {
        return signAsReviewee(reviewId, comments, confirmed, false, null);
    }

    /**
     * The reviewee adds comments and signs the latest final review; when they disagree with it, with
     * their reason (required then, and not kept otherwise). A disagreement goes to the head
     * ({@link #answerFinalReviewDisagreement}) before the head signs the review off.
     */
    public RevieweeSignOff signAsReviewee(long reviewId, String comments, boolean confirmed, boolean disagrees,
            String disagreementReason) {
        FinalReview review = requireFinalReview(reviewId);
        if (!confirmed) {
            throw new IllegalArgumentException("Confirm that you have read your review before you sign it");
        }
        String text = optionalText("Your comments", comments, TEXT_LENGTH);
        String why = disagrees ? requireText("Why you disagree with the review", disagreementReason, TEXT_LENGTH) : null;
        records.insertRevieweeSignOff(review.id(), text, why, actor.username());
        return records.selectRevieweeSignOff(review.id()).orElseThrow();
    }

    @Transactional(readOnly = true)
    public Optional<RevieweeSignOff> revieweeSignOff(long reviewId) {
        return records.selectLatestFinalReview(reviewId).flatMap(r -> records.selectRevieweeSignOff(r.id()));
    }

    /** The head signs off the latest final review, or returns it to the reviewer with a reason. */
    public FinalReviewDecision moderate(long reviewId, SignOffDecision decision, String reason, String moderationNote) {
        FinalReview review = requireFinalReview(reviewId);
        if (decision == null) {
            throw new IllegalArgumentException("Decision: choose whether to sign off or return the review");
        }
        String why = decision == SignOffDecision.RETURNED
                ? requireText("Reason for returning the review", reason, TEXT_LENGTH)
                : optionalText("Reason", reason, TEXT_LENGTH);
        var recorded = new FinalReviewDecision(review.id(), decision, why,
                optionalText("Moderation note", moderationNote, TEXT_LENGTH), actor.username(), null);
        records.insertFinalReviewDecision(recorded, actor.username());
        return recorded;
    }

    @Transactional(readOnly = true)
    public List<FinalReviewDecision> finalReviewDecisions(long reviewId) {
        return records.selectFinalReviewDecisions(reviewId);
    }

    /** The review is complete: signed off by the head. */
    public void complete(long reviewId) {
        changeState(reviewId, ReviewState.COMPLETE);
    }

    /** The person's reviews still under way (launching or in progress), in any cycle. */
    @Transactional(readOnly = true)
    public List<Review> runningReviewsOf(long staffId) {
        return reviews.selectRunningByStaff(staffId);
    }

    /** The reviews still running of staff whose last day (their leaving date) was before {@code day}. */
    @Transactional(readOnly = true)
    public List<Review> runningReviewsOfStaffWhoLeftBefore(LocalDate day) {
        return reviews.selectRunningOfStaffWhoLeftBefore(day);
    }

    /**
     * Gives a review under way a new reviewer, kept in the administration history of the school.
     * Returns the facts as they were before, for the steps that must follow (open tasks).
     */
    public ReviewFacts changeReviewer(long reviewId, long newReviewerId) {
        ReviewFacts before = reviews.selectFacts(reviewId)
                .orElseThrow(() -> new IllegalArgumentException("No review with id " + reviewId));
        StaffMember reviewer = staff.find(newReviewerId)
                .orElseThrow(() -> new IllegalArgumentException("No member of staff with id " + newReviewerId));
        if (!reviewer.schoolId().equals(before.school().id())) {
            throw new IllegalArgumentException(reviewer.fullName() + " works at another school and cannot review "
                    + before.reviewee().fullName());
        }
        if (reviews.updateReviewer(reviewId, newReviewerId, actor.username()) != 1) {
            throw new IllegalStateException("The review of " + before.reviewee().fullName() + " in "
                    + before.cycle().academicYear() + " has finished; its reviewer stays as it was");
        }
        openedFacts.remove(reviewId);
        history.record(subject(before), "Changed reviewer", Map.of("Reviewer", before.reviewer().fullName()),
                Map.of("Reviewer", reviewer.fullName()));
        return before;
    }

    /**
     * Keeps in the school's history that a review ended before completion because of a change an
     * admin made to the person (they left), beside that change.
     */
    public void recordEndedByChange(long reviewId, String reason) {
        ReviewFacts facts = reviews.selectFacts(reviewId)
                .orElseThrow(() -> new IllegalArgumentException("No review with id " + reviewId));
        history.record(subject(facts), "Ended review", Map.of("State", "In progress"),
                Map.of("State", "Ended: " + reason));
    }

    /**
     * Records the reviewee's self-review, once, before the final review: for every current objective
     * what they achieved (required) and their evidence (may be empty), and an overall view (may be empty).
     */
    public SelfReview recordSelfReview(long reviewId, List<SelfReviewEntry> entries, String overall) {
        requireReview(reviewId);
        if (records.selectSelfReview(reviewId).isPresent()) {
            throw new IllegalStateException("The self-review of review " + reviewId + " has been recorded already");
        }
        Map<Integer, Objective> current = byPosition(objectives.currentObjectives(reviewId));
        Map<Integer, SelfReviewEntry> given = new java.util.HashMap<>();
        for (SelfReviewEntry entry : entries == null ? List.<SelfReviewEntry>of() : entries) {
            if (entry == null || entry.position() == null) {
                throw new IllegalArgumentException("Your self-review: every entry needs its objective number");
            }
            if (!current.containsKey(entry.position())) {
                throw new IllegalArgumentException("Your self-review: this review has no objective " + entry.position());
            }
            if (given.put(entry.position(), entry) != null) {
                throw new IllegalArgumentException("Your self-review: objective " + entry.position() + " is given twice");
            }
        }
        var checked = new ArrayList<SelfReviewObjective>();
        for (Objective objective : current.values()) {
            String label = "Objective " + objective.position();
            SelfReviewEntry entry = given.get(objective.position());
            checked.add(new SelfReviewObjective(objective.id(), objective.position(), objective.title(),
                    requireText(label + ": what you achieved", entry == null ? null : entry.achieved(), TEXT_LENGTH),
                    optionalText(label + ": your evidence", entry == null ? null : entry.evidence(), TEXT_LENGTH)));
        }
        records.insertSelfReview(reviewId, optionalText("Overall", overall, TEXT_LENGTH), actor.username());
        checked.forEach(o -> records.insertSelfReviewObjective(reviewId, o.objectiveId(), o.achieved(), o.evidence(),
                actor.username()));
        return records.selectSelfReview(reviewId).orElseThrow();
    }

    /** The reviewee's self-review, if they have written it (for the record: see also {@link #selfReviewObjectives}). */
    @Transactional(readOnly = true)
    public Optional<SelfReview> selfReview(long reviewId) {
        return records.selectSelfReview(reviewId);
    }

    /** What the reviewee's self-review says per objective, by the objective's number; empty before it is written. */
    @Transactional(readOnly = true)
    public List<SelfReviewObjective> selfReviewObjectives(long reviewId) {
        return records.selectSelfReviewObjectives(reviewId);
    }

    /**
     * The head answers the reviewee's latest disagreement with their objectives: a response, and
     * whether the objectives stand (the review goes on) or go back to the planning meeting.
     */
    public Disagreement answerObjectivesDisagreement(long reviewId, String response, Boolean objectivesStand) {
        if (objectivesStand == null) {
            throw new IllegalArgumentException("Decision: choose whether the objectives stand or go back to the planning meeting");
        }
        return answer(reviewId, DisagreementSubject.OBJECTIVES, response, objectivesStand);
    }

    /** The head answers the reviewee's disagreement with the latest round of their final review. */
    public Disagreement answerFinalReviewDisagreement(long reviewId, String response) {
        return answer(reviewId, DisagreementSubject.FINAL_REVIEW, response, null);
    }

    private Disagreement answer(long reviewId, DisagreementSubject subject, String response, Boolean objectivesStand) {
        requireReview(reviewId);
        Disagreement open = latestDisagreement(reviewId, subject)
                .orElseThrow(() -> new IllegalStateException("Review " + reviewId + " has no disagreement with "
                        + subject.words()));
        if (open.answered()) {
            throw new IllegalStateException("The disagreement with " + subject.words() + " of review " + reviewId
                    + " has been answered already");
        }
        records.insertDisagreementAnswer(reviewId, subject, open.round(),
                requireText("Your response", response, TEXT_LENGTH), objectivesStand, actor.username());
        return latestDisagreement(reviewId, subject).orElseThrow();
    }

    /** The reviewee's latest disagreement with the objectives or the final review, answered or not. */
    @Transactional(readOnly = true)
    public Optional<Disagreement> latestDisagreement(long reviewId, DisagreementSubject subject) {
        return disagreements(reviewId).stream().filter(d -> d.subject() == subject).reduce((first, second) -> second);
    }

    /**
     * Every disagreement the reviewee recorded, with the objectives or the final review, oldest
     * first, each with the head's answer once given: for the record.
     */
    @Transactional(readOnly = true)
    public List<Disagreement> disagreements(long reviewId) {
        return records.selectDisagreements(reviewId);
    }

    /**
     * The CPD needs to suggest in this review's planning meeting: those found in the person's
     * previous review (the latest earlier year they had one), at its lesson observations and in its
     * final review's development needs for the next year.
     */
    @Transactional(readOnly = true)
    public List<CarriedCpdNeed> cpdNeedsToCarryForward(long reviewId) {
        return records.selectCpdNeedsCarriedForward(reviewId);
    }

    /**
     * The objectives to suggest in this review's planning meeting: those of the person's previous
     * review (the latest earlier year with a final review) that its final review found not met or
     * only partly met. Met objectives are done; a year with no final review (ended early) is passed over.
     */
    @Transactional(readOnly = true)
    public List<CarriedObjective> objectivesToCarryForward(long reviewId) {
        return records.selectCarriedForward(reviewId, EnumSet.of(Outcome.NOT_MET, Outcome.PARTLY_MET));
    }

    private FinalReview requireFinalReview(long reviewId) {
        requireReview(reviewId);
        return records.selectLatestFinalReview(reviewId)
                .orElseThrow(() -> new IllegalStateException("Review " + reviewId + " has no final review yet"));
    }

    private void requireReview(long reviewId) {
        if (reviews.selectById(reviewId).isEmpty()) {
            throw new IllegalArgumentException("No review with id " + reviewId);
        }
    }

    /** A review as the school's history names it. */
    private static Subject subject(ReviewFacts facts) {
        return new Subject(facts.school().id(), facts.reviewee().id(), "Review", facts.review().id(),
                "Review of " + facts.reviewee().fullName() + ", " + facts.cycle().academicYear());
    }

    private static Map<Integer, Objective> byPosition(List<Objective> list) {
        return list.stream().collect(Collectors.toMap(Objective::position, Function.identity(),
                (a, b) -> a, java.util.TreeMap::new));
    }
}
