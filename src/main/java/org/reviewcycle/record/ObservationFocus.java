package org.reviewcycle.record;

/** An objective an observed lesson looked at (RecordMapper.selectObservationFocus): the observation and its title. */
public record ObservationFocus(Long observationId, String title) {
}
