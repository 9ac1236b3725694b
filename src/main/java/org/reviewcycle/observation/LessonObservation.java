package org.reviewcycle.observation;

import java.time.LocalDate;
import java.util.List;

/** One observed lesson. {@code focusObjectiveIds} are the objectives the observation looked at. */
public record LessonObservation(Long id, Long reviewId, String observer, LocalDate observedOn, Judgement judgement,
        String strengths, String areasToDevelop, String cpdNeeds, List<Long> focusObjectiveIds) {
}
