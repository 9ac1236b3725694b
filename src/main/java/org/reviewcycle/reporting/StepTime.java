package org.reviewcycle.reporting;

/**
 * Time spent at one step of the cycle (a task definition of the model) by the cycle's reviews: how many
 * people reached it, how many of its tasks are open, and the average and longest days spent, open ones up
 * to now. {@code taskName} is one of its tasks' names ("Hold the planning meeting: Tom Bradley").
 */
public record StepTime(String stepKey, String taskName, int people, int tasks, int openTasks, double averageDays,
        double longestDays) {

    /** The step's name without whose review it is. */
    public String stepName() {
        return StepNames.withoutPerson(taskName);
    }
}
