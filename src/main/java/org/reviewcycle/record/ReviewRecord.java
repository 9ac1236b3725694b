package org.reviewcycle.record;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

import org.apache.ibatis.annotations.AutomapConstructor;
import org.reviewcycle.observation.Judgement;
import org.reviewcycle.review.Outcome;
import org.reviewcycle.review.PayRecommendation;
import org.reviewcycle.review.ProgressStatus;

/**
 * One review's record as people read it (the page /records/reviews/{id}, its PDF, the subject access
 * export): everything agreed and decided, in order, each with who (by name) and when. Read from the
 * review's tables by RecordMapper.xml; the record package only reads them. {@code payShown} is false
 * when the reader may not see the pay recommendation, and then the final reviews carry none.
 */
public record ReviewRecord(PastReview review, Person reviewee, Person reviewer, Person head, Reflection reflection,
        List<ObjectiveRound> objectiveRounds, MidYear midYear, List<Observation> observations, SelfReview selfReview,
        List<FinalRound> finalRounds, boolean payShown) {

    /** A person as the record names them, with their job title. */
    public record Person(Long id, String name, String jobTitle) {
    }

    /** Who wrote or decided something, and when: every step of the record carries one. */
    public record Signed(String byName, LocalDateTime at) {
    }

    /** The reviewee's pre-meeting reflection. */
    public record Reflection(String strengths, String developmentWishes, String objectiveIdeas, String byName,
            LocalDateTime at) {

        public Signed signed() {
            return new Signed(byName, at);
        }
    }

    /** One objective of one round, with the school priority it serves. */
    public record RecordObjective(Long id, int round, int position, String title, String successCriteria,
            String evidence, String cpdSupport, String priorityCode, String priorityTitle, String teamName,
            String byName, LocalDateTime at) {
    }

    /**
     * A decision or an answer on one step: the head's decision on a round of objectives, the reviewee's
     * acknowledgement or disagreement, the reviewee's sign-off (in agreement, or disagreeing with the reason),
     * the head's answer to a disagreement (the response as the reason), the head's sign-off. {@code stepKey} is
     * the round of objectives or the final review's id; {@code note} the moderation note or the reviewee's
     * comments.
     */
    public record Answer(long stepKey, String answer, String reason, String note, String byName, LocalDateTime at) {

        /** The answer in the words of the page. */
        public String inWords() {
            return switch (answer) {
                case "APPROVED" -> "Approved";
                case "RETURNED" -> "Returned";
                case "ACKNOWLEDGED" -> "Acknowledged";
                case "DISAGREED" -> "Disagreed";
                case "SIGNED_OFF" -> "Signed off";
                case "SIGNED" -> "Signed";
                case "SIGNED_DISAGREEING" -> "Signed, disagreeing";
                case "OBJECTIVES_STAND" -> "The objectives stand";
                case "BACK_TO_PLANNING_MEETING" -> "The objectives go back to the planning meeting";
                case "ANSWERED" -> "Answered";
                default -> answer;
            };
        }

        public boolean disagreement() {
            return "DISAGREED".equals(answer) || "RETURNED".equals(answer) || "SIGNED_DISAGREEING".equals(answer);
        }

        public boolean hasReason() {
            return reason != null && !reason.isBlank();
        }

        public Signed signed() {
            return new Signed(byName, at);
        }
    }

    /**
     * One round of objectives: as written, the head's decision, the reviewee's answer, and the head's answer
     * when the reviewee disagreed (null otherwise, or while the head has not answered).
     */
    public record ObjectiveRound(int round, List<RecordObjective> objectives, Answer decision, Answer response,
            Answer headAnswer) {

        public Signed written() {
            return objectives.isEmpty() ? null
                    : new Signed(objectives.get(0).byName(), objectives.get(0).at());
        }
    }

    /** The mid-year check: its note and the progress recorded on each objective. */
    public record MidYear(String overallNote, boolean objectivesChanged, String byName, LocalDateTime at,
            List<Progress> progress) {

        /** The constructor MyBatis maps the check's row with; the progress is read apart. */
        @AutomapConstructor
        public MidYear(String overallNote, boolean objectivesChanged, String byName, LocalDateTime at) {
            this(overallNote, objectivesChanged, byName, at, List.of());
        }

        public MidYear withProgress(List<Progress> progress) {
            return new MidYear(overallNote, objectivesChanged, byName, at, progress);
        }

        public Signed signed() {
            return new Signed(byName, at);
        }
    }

    /** Progress on one objective at the mid-year check. */
    public record Progress(Long objectiveId, String title, ProgressStatus status, String note) {
    }

    /** The reviewee's self-review before the final review: their overall view and what they wrote per objective. */
    public record SelfReview(String overall, String byName, LocalDateTime at, List<Achievement> objectives) {

        /** The constructor MyBatis maps the self-review's row with; the objectives are read apart. */
        @AutomapConstructor
        public SelfReview(String overall, String byName, LocalDateTime at) {
            this(overall, byName, at, List.of());
        }

        public SelfReview withObjectives(List<Achievement> objectives) {
            return new SelfReview(overall, byName, at, objectives);
        }

        public Signed signed() {
            return new Signed(byName, at);
        }
    }

    /** What the reviewee achieved against one objective in their self-review, and their evidence (may be empty). */
    public record Achievement(Long objectiveId, int position, String title, String achieved, String evidence) {
    }

    /** One observed lesson, with the objectives it looked at. */
    public record Observation(Long id, String observerName, LocalDate observedOn, Judgement judgement,
            String strengths, String areasToDevelop, String cpdNeeds, LocalDateTime at, List<String> focus) {

        /** The constructor MyBatis maps the observation's row with; the focus is read apart. */
        @AutomapConstructor
        public Observation(Long id, String observerName, LocalDate observedOn, Judgement judgement, String strengths,
                String areasToDevelop, String cpdNeeds, LocalDateTime at) {
            this(id, observerName, observedOn, judgement, strengths, areasToDevelop, cpdNeeds, at, List.of());
        }

        public Observation withFocus(List<String> focus) {
            return new Observation(id, observerName, observedOn, judgement, strengths, areasToDevelop, cpdNeeds, at,
                    focus);
        }
    }

    /** One round of the final review as written by the reviewer. */
    public record FinalReviewText(Long id, int round, String impactOnPupils, String impactOnPractice,
            String impactOnColleagues, String cpdUndertaken, String cpdImpact, String developmentNeeds,
            PayRecommendation payRecommendation, String payReason, String byName, LocalDateTime at) {

        /** The same text without the pay recommendation, for a reader who may not see it. */
        public FinalReviewText withoutPay() {
            return new FinalReviewText(id, round, impactOnPupils, impactOnPractice, impactOnColleagues, cpdUndertaken,
                    cpdImpact, developmentNeeds, null, null, byName, at);
        }

        public Signed signed() {
            return new Signed(byName, at);
        }
    }

    /** The outcome of one objective at a round of the final review, with the evidence. */
    public record RecordOutcome(Long finalReviewId, Long objectiveId, int position, String title,
            String successCriteria, Outcome outcome, String evidence) {
    }

    /**
     * One round of the final review: the text, the outcomes, the reviewee's sign-off, the head's answer when the
     * reviewee disagreed with the review (null otherwise, or while the head has not answered), the head's sign-off.
     */
    public record FinalRound(FinalReviewText text, List<RecordOutcome> outcomes, Answer revieweeSignOff,
            Answer headAnswer, Answer headDecision) {
    }

    /**
     * A disagreement of the reviewee, with what they disagreed and the head's answer (null while unanswered):
     * the written report lists them all together.
     */
    public record Dispute(String about, Answer disagreement, Answer headAnswer) {
    }

    /** Every disagreement of the reviewee in order: with a round of objectives, then with the final review. */
    public List<Dispute> disputes() {
        var disputes = new ArrayList<Dispute>();
        objectiveRounds.stream().filter(round -> round.response() != null && round.response().disagreement())
                .forEach(round -> disputes.add(new Dispute(objectiveRounds.size() == 1 ? "The objectives"
                        : "Round " + round.round() + " of the objectives", round.response(), round.headAnswer())));
        finalRounds.stream().filter(round -> round.revieweeSignOff() != null && round.revieweeSignOff().disagreement())
                .forEach(round -> disputes.add(new Dispute(finalRounds.size() == 1 ? "The final review"
                        : "Round " + round.text().round() + " of the final review", round.revieweeSignOff(),
                        round.headAnswer())));
        return disputes;
    }

    /** The last round of the final review, the one that stands (null before the final review). */
    public FinalRound finalRound() {
        return finalRounds.isEmpty() ? null : finalRounds.get(finalRounds.size() - 1);
    }

    /** The last round of objectives, the ones that stand (null before the planning meeting). */
    public ObjectiveRound agreedObjectives() {
        return objectiveRounds.isEmpty() ? null : objectiveRounds.get(objectiveRounds.size() - 1);
    }

    /** The outcome of an objective at the final review that stands, or null. */
    public RecordOutcome outcomeOf(Long objectiveId) {
        FinalRound last = finalRound();
        return last == null ? null : last.outcomes().stream().filter(o -> o.objectiveId().equals(objectiveId))
                .findFirst().orElse(null);
    }
}
