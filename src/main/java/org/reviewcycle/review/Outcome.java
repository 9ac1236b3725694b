package org.reviewcycle.review;

/** How far an objective was met at the final review. */
public enum Outcome {
    MET("Met"), PARTLY_MET("Partly met"), NOT_MET("Not met");

    private final String label;

    Outcome(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
