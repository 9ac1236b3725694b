package org.reviewcycle.reporting;

/**
 * One point of the process checklist for light-touch validation: what the school should be able to show,
 * where it comes from (the 2012 appraisal regulations or the guidance), whether the data shows it met, and
 * the figures behind the answer ("3 of 24 reviews have no mid-year check"), and how many people those figures
 * are about.
 */
public record CheckPoint(int number, String point, String source, Status status, String detail, int people) {

    /**
     * For governors (and the trust): a point about fewer than five people is not shown at all, neither its figures
     * nor whether it is met: "not met" about the one teacher reviewed says that teacher has no pay recommendation.
     */
    public CheckPoint forGovernors() {
        return people > 0 && people < DashboardTable.SMALLEST_GROUP
                ? new CheckPoint(number, point, source, Status.NOT_SHOWN,
                        "Not shown: it is about " + DashboardTable.SUPPRESSED + " people.", people)
                : this;
    }

    /** Not due: its date has not come yet, or nobody it concerns. */
    public enum Status {
        MET("Met"), NOT_MET("Not met"), NOT_DUE("Not due yet"), NOT_SHOWN("Not shown");

        private final String label;

        Status(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }
}
