package org.reviewcycle.review;

/** For teachers: whether the reviewer recommends pay progression. */
public enum PayRecommendation {
    PROGRESS("Pay progression recommended"), NO_PROGRESS("Pay progression not recommended");

    private final String label;

    PayRecommendation(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
