package org.reviewcycle.objective;

/** An objective as a team leader writes it in the planning meeting, before it is checked. */
public record ObjectiveDraft(String title, String priorityCode, String successCriteria, String evidence,
        String cpdSupport, boolean joint) {
}
