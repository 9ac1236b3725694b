package org.reviewcycle.school;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import org.reviewcycle.common.InvalidInput;

/**
 * The rules a cycle's dates keep: the academic year written like 2026/27; for teachers objectives
 * agreed by, then the mid-year check, then lesson observations, then the final review opens and is
 * due; for support staff the same without observations; every date inside the academic year (1
 * September to 31 August). A broken rule is told beside the later of the two dates it is about.
 */
final class CycleDates {

    private static final Pattern ACADEMIC_YEAR = Pattern.compile("(\\d{4})/(\\d{2})");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);
    static final int MAX_NEW_STARTER_WEEKS = 26;

    private final Map<String, String> errors = new LinkedHashMap<>();

    private CycleDates() {
    }

    static void check(ReviewCycle cycle) {
        var dates = new CycleDates();
        dates.checkAll(cycle);
        if (!dates.errors.isEmpty()) {
            throw new InvalidInput(dates.errors);
        }
    }

    private void checkAll(ReviewCycle cycle) {
        var year = cycle.academicYear() == null ? null : ACADEMIC_YEAR.matcher(cycle.academicYear());
        LocalDate first = null;
        if (year == null || !year.matches()
                || Integer.parseInt(year.group(2)) != (Integer.parseInt(year.group(1)) + 1) % 100) {
            errors.put("academicYear", "Write the academic year like 2026/27");
        } else {
            first = LocalDate.of(Integer.parseInt(year.group(1)), 9, 1);
        }
        inOrder(first, "", new Date("objectivesAgreedBy", "Objectives agreed by", cycle.objectivesAgreedBy()),
                new Date("midYearCheckFrom", "Mid-year check from", cycle.midYearCheckFrom()),
                new Date("observationsBy", "Lesson observations by", cycle.observationsBy()),
                new Date("finalReviewFrom", "Final review from", cycle.finalReviewFrom()),
                new Date("finalReviewDue", "Final review due", cycle.finalReviewDue()));
        inOrder(first, "Support staff: ",
                new Date("supportObjectivesAgreedBy", "objectives agreed by", cycle.supportObjectivesAgreedBy()),
                new Date("supportMidYearCheckFrom", "mid-year check from", cycle.supportMidYearCheckFrom()),
                new Date("supportFinalReviewFrom", "final review from", cycle.supportFinalReviewFrom()),
                new Date("supportFinalReviewDue", "final review due", cycle.supportFinalReviewDue()));
        if (cycle.newStarterWeeks() < 1 || cycle.newStarterWeeks() > MAX_NEW_STARTER_WEEKS) {
            errors.put("newStarterWeeks", "New starters' weeks to agree objectives must be from 1 to "
                    + MAX_NEW_STARTER_WEEKS);
        }
    }

    private record Date(String field, String label, LocalDate day) {
    }

    /** Each date must be given, inside the year, and after the one before it. */
    private void inOrder(LocalDate firstDay, String group, Date... dates) {
        Date previous = null;
        LocalDate lastDay = firstDay == null ? null : firstDay.plusYears(1).minusDays(1);
        for (Date date : dates) {
            String label = capitalised(group + date.label());
            if (date.day() == null) {
                errors.put(date.field(), label + ": enter a date");
            } else if (firstDay != null && (date.day().isBefore(firstDay) || date.day().isAfter(lastDay))) {
                errors.put(date.field(), label + " (" + DAY.format(date.day()) + ") must be in the academic year, from "
                        + DAY.format(firstDay) + " to " + DAY.format(lastDay));
            } else if (previous != null && outOfOrder(previous, date)) {
                errors.put(date.field(), label + " (" + DAY.format(date.day()) + ") must be "
                        + (sameDayAllowed(previous, date) ? "on or after " : "after ")
                        + Character.toLowerCase(previous.label().charAt(0)) + previous.label().substring(1)
                        + " (" + DAY.format(previous.day()) + ")");
            } else {
                // a wrong date is told once: the next is compared with the last one that was right
                previous = date;
            }
        }
    }

    private static boolean outOfOrder(Date previous, Date date) {
        return sameDayAllowed(previous, date) ? date.day().isBefore(previous.day())
                : !date.day().isAfter(previous.day());
    }

    /** The final review may be due the day it opens; observations may be due the day the final review opens. */
    private static boolean sameDayAllowed(Date previous, Date date) {
        return date.field().endsWith("inalReviewDue")
                || date.field().equals("finalReviewFrom") && previous.field().equals("observationsBy");
    }

    private static String capitalised(String text) {
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
