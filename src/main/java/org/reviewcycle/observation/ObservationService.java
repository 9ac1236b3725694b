package org.reviewcycle.observation;

import static org.reviewcycle.common.Checks.optionalText;
import static org.reviewcycle.common.Checks.requireText;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.reviewcycle.common.CurrentActor;
import org.reviewcycle.objective.Objective;
import org.reviewcycle.objective.ObjectiveService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The entry point for lesson observations. */
@Service
@Transactional
public class ObservationService {

    /** The longest free text a form field takes here; the forms show the same (FormLimitsTest). */
    public static final int TEXT_LENGTH = 2000;

    private final ObservationMapper observations;
    private final ObjectiveService objectives;
    private final CurrentActor actor;

    ObservationService(ObservationMapper observations, ObjectiveService objectives, CurrentActor actor) {
        this.observations = observations;
        this.objectives = objectives;
        this.actor = actor;
    }

    /**
     * Records an observed lesson. {@code focusPositions} name the objectives in focus by their
     * number in the review (1 to 5); they must be objectives of this review.
     */
    public LessonObservation record(long reviewId, String observer, LocalDate observedOn, List<Integer> focusPositions,
            Judgement judgement, String strengths, String areasToDevelop, String cpdNeeds) {
        if (observedOn == null) {
            throw new IllegalArgumentException("Date of the observation: give the date of the lesson");
        }
        // a day's grace: the browser that chose the date may be a time zone ahead of the server
        if (observedOn.isAfter(LocalDate.now().plusDays(1))) {
            throw new IllegalArgumentException(
                    "The observation date cannot be in the future: the lesson must have been observed.");
        }
        if (judgement == null) {
            throw new IllegalArgumentException("Judgement: choose outstanding, good, requires improvement or inadequate");
        }
        Map<Integer, Objective> current = objectives.currentObjectives(reviewId).stream()
                .collect(Collectors.toMap(Objective::position, Function.identity()));
        List<Long> focus = (focusPositions == null ? List.<Integer>of() : focusPositions).stream().distinct()
                .map(position -> {
                    Objective objective = current.get(position);
                    if (objective == null) {
                        throw new IllegalArgumentException("Objectives in focus: this review has no objective "
                                + position);
                    }
                    return objective.id();
                }).toList();
        var observation = new LessonObservation(null, reviewId, observer, observedOn, judgement,
                requireText("Strengths", strengths, TEXT_LENGTH), requireText("Areas to develop", areasToDevelop, TEXT_LENGTH),
                optionalText("CPD needs", cpdNeeds, TEXT_LENGTH), focus);
        var row = new ObservationMapper.NewObservationRow(observation);
        observations.insertObservation(row, actor.username());
        focus.forEach(objectiveId -> observations.insertFocus(row.getId(), objectiveId, actor.username()));
        return observation;
    }

    @Transactional(readOnly = true)
    public List<LessonObservation> observationsOf(long reviewId) {
        return observations.selectByReview(reviewId);
    }
}
