package org.reviewcycle.observation;

import java.util.List;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

/** SQL in ObservationMapper.xml. */
@Mapper
interface ObservationMapper {

    void insertObservation(@Param("observation") NewObservationRow observation, @Param("actor") String actor);

    void insertFocus(@Param("observationId") long observationId, @Param("objectiveId") long objectiveId,
            @Param("actor") String actor);

    List<LessonObservation> selectByReview(long reviewId);

    /** Insert parameters; {@code id} is filled in by the insert. */
    final class NewObservationRow {
        private Long id;
        private final LessonObservation observation;

        NewObservationRow(LessonObservation observation) {
            this.observation = observation;
        }

        public Long getId() {
            return id;
        }

        public void setId(Long id) {
            this.id = id;
        }

        public LessonObservation getObservation() {
            return observation;
        }
    }
}
