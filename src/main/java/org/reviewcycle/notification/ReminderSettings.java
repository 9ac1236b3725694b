package org.reviewcycle.notification;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A school's reminders and escalation (its administrators change them on /admin/schools/{id}/reminders):
 * the whole days before a step's due date on which its person is reminded, whether they are reminded on the
 * day itself, and how many days overdue a step is when the line manager, and then the head, are told.
 */
public record ReminderSettings(List<Integer> daysBefore, boolean onDueDate, int lineManagerAfterDays,
        int headAfterDays) {

    /** What a school has until its administrators change it. */
    public static final ReminderSettings DEFAULTS = new ReminderSettings(List.of(7, 1), true, 3, 7);

    /** The most days before the due date a reminder may come, and the most days overdue for escalation. */
    static final int MOST_DAYS_BEFORE = 30;
    static final int MOST_DAYS_OVERDUE = 90;

    public ReminderSettings {
        daysBefore = daysBefore.stream().distinct().sorted((a, b) -> b - a).toList();
    }

    /** "7,1", as stored and as the form shows it. */
    public String daysBeforeText() {
        return daysBefore.stream().map(String::valueOf).collect(Collectors.joining(","));
    }

    private static String days(int count) {
        return count == 1 ? "1 day" : count + " days";
    }

    /** The settings in words, for the history and the page. */
    public String inWords() {
        String before = daysBefore.isEmpty() ? "no reminders before the due date"
                : "reminders " + daysBefore.stream().map(String::valueOf).collect(Collectors.joining(" and "))
                        + (daysBefore.equals(List.of(1)) ? " day" : " days") + " before the due date";
        return before + (onDueDate ? ", and on the day" : ", none on the day") + "; when a step is overdue, the line "
                + "manager is told " + days(lineManagerAfterDays) + " after the due date, the head " + days(headAfterDays)
                + " after";
    }
}
