package org.reviewcycle.review;

/** Progress towards an objective at the mid-year check. */
public enum ProgressStatus {
    ON_TRACK("On track"), AT_RISK("At risk"), OFF_TRACK("Off track");

    private final String label;

    ProgressStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
