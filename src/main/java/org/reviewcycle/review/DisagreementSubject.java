package org.reviewcycle.review;

/** What a reviewee disagreed with. */
public enum DisagreementSubject {
    OBJECTIVES("the objectives"), FINAL_REVIEW("the final review");

    private final String words;

    DisagreementSubject(String words) {
        this.words = words;
    }

    /** As a sentence names it: "disagreed with the objectives". */
    public String words() {
        return words;
    }
}
