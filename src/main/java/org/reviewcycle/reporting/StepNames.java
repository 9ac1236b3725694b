package org.reviewcycle.reporting;

/** Step names as Tasklist shows them end with whose review it is ("Hold the planning meeting: Tom Bradley"). */
final class StepNames {

    private StepNames() {
    }

    static String withoutPerson(String taskName) {
        if (taskName == null) {
            return "";
        }
        int colon = taskName.indexOf(": ");
        return colon < 0 ? taskName : taskName.substring(0, colon);
    }
}
