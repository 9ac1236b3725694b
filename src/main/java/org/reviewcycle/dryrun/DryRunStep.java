package org.reviewcycle.dryrun;

import java.time.LocalDate;

/**
 * One step of a dry run's path: a task as staff see it in Tasklist (its name, who gets it, when it
 * is due), or a date the review waits for (a timer, passed at once in the dry run).
 *
 * @param kind {@code task} or {@code timer}
 * @param name the task's name as staff see it, or what the review waits for
 * @param who the person (or people) the task goes to, by name and role; empty for a timer
 * @param due the task's due date, or the timer's date; null when the model gives none
 */
public record DryRunStep(String kind, String name, String who, LocalDate due) {

    static DryRunStep task(String name, String who, LocalDate due) {
        return new DryRunStep("task", name, who, due);
    }

    static DryRunStep timer(String name, LocalDate due) {
        return new DryRunStep("timer", name, "", due);
    }
}
