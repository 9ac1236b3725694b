package org.reviewcycle.notification;

import java.util.Date;

/**
 * An open step with a due date, as a reminder or an escalation needs it.
 *
 * @param schoolId   the review's school
 * @param schoolName shown in the email
 * @param taskId     the step's task
 * @param stepName   the task's name ("Hold the planning meeting: Amy Clarke")
 * @param due        its due date
 * @param assignee   the username of its person, or null when it is offered to a group (the heads)
 * @param given      when the step was given out (its task created)
 */
public record StepDue(long schoolId, String schoolName, String taskId, String stepName, Date due, String assignee,
        Date given) {
}
