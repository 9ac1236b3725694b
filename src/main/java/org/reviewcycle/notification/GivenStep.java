package org.reviewcycle.notification;

import java.util.Date;

/**
 * A step (a user task of a review) just given to someone: the facts an assignment email needs.
 *
 * @param schoolId   the school of the review: only its own staff are written to
 * @param schoolName shown in the email
 * @param taskId     the step's task, which the email's link opens
 * @param stepName   the task's name as the task list shows it ("Hold the planning meeting: Amy Clarke")
 * @param due        the step's due date, or null
 * @param assignee   the username it was given to
 * @param givenBy    who gave it (the username of the person whose action assigned it), or
 *                   {@code CurrentActor.SYSTEM}; a person who claims a step for themselves is not emailed
 * @param created    the step was made just now (not an existing step given to someone else)
 */
public record GivenStep(long schoolId, String schoolName, String taskId, String stepName, Date due, String assignee,
        String givenBy, boolean created) {
}
