package org.reviewcycle.notification;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.reviewcycle.common.CurrentActor;
import org.reviewcycle.common.InvalidInput;
import org.reviewcycle.history.AdministrationHistory;
import org.reviewcycle.history.AdministrationHistory.Subject;
import org.reviewcycle.school.School;
import org.reviewcycle.security.AdministeredSchools;
import org.reviewcycle.staff.StaffMember;
import org.reviewcycle.staff.StaffService;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reminders before a step's due date and escalation after it, the feature's entry point. The model's boundary
 * timers on every user task ask when to fire ({@link #reminderCycle}, {@link #escalationCycle}) and, when they
 * fire, hand the step here ({@link #remind}, {@link #escalate}), which decides from the school's settings
 * <em>as they are that day</em> whether anyone is written to, and whom: so a change of settings applies to the
 * steps already open. Each email has a dedup key (the step, the person, the day or the stage), so a timer that
 * fires again, or two nodes, write it once.
 */
@Service
@Transactional
public class Reminders {

    /** Reminders and escalations are written at this time of the morning, by the server's clock. */
    static final LocalTime MORNING = LocalTime.of(8, 0);
    private static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");

    private final ReminderSettingsMapper settings;
    private final Outbox outbox;
    private final MailRecipients recipients;
    private final StaffService staff;
    private final MailLinks links;
    private final AdministeredSchools administered;
    private final AdministrationHistory history;
    private final CurrentActor actor;
    private final Clock clock;

    Reminders(ReminderSettingsMapper settings, Outbox outbox, MailRecipients recipients, StaffService staff,
            MailLinks links, AdministeredSchools administered, AdministrationHistory history, CurrentActor actor,
            ObjectProvider<Clock> clock) {
        this.settings = settings;
        this.outbox = outbox;
        this.recipients = recipients;
        this.staff = staff;
        this.links = links;
        this.administered = administered;
        this.history = history;
        this.actor = actor;
        this.clock = clock.getIfAvailable(Clock::systemDefaultZone);
    }

    // ==== the settings ====

    @Transactional(readOnly = true)
    public ReminderSettings settingsOf(long schoolId) {
        var stored = settings.select(schoolId);
        if (stored == null) {
            return ReminderSettings.DEFAULTS;
        }
        List<Integer> days = stored.reminderDaysBefore().isBlank() ? List.of()
                : java.util.Arrays.stream(stored.reminderDaysBefore().split(",")).map(String::strip)
                        .map(Integer::valueOf).toList();
        return new ReminderSettings(days, stored.remindOnDueDate(), stored.lineManagerAfterDays(),
                stored.headAfterDays());
    }

    /** The school's settings as its administrators see them. */
    @Transactional(readOnly = true)
    public ReminderSettings administeredSettings(long schoolId) {
        administered.require(schoolId);
        return settingsOf(schoolId);
    }

    /**
     * Changes the school's settings from what was typed; every problem is named by its field (nothing is
     * saved if anything is wrong), and the history says who changed what.
     */
    public ReminderSettings change(long schoolId, String daysBefore, boolean onDueDate, String lineManagerAfterDays,
            String headAfterDays) {
        School school = administered.require(schoolId);
        Map<String, String> problems = new LinkedHashMap<>();
        List<Integer> days = daysBefore(daysBefore, problems);
        Integer manager = wholeDays(lineManagerAfterDays, "lineManagerAfterDays",
                "the number of days overdue when the line manager is told", problems);
        Integer head = wholeDays(headAfterDays, "headAfterDays", "the number of days overdue when the head is told",
                problems);
        if (manager != null && head != null && head <= manager) {
            problems.put("headAfterDays", "The head is told after the line manager: enter more days than "
                    + manager + " (the line manager's)");
        }
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        ReminderSettings before = settingsOf(schoolId);
        ReminderSettings after = new ReminderSettings(days, onDueDate, manager, head);
        if (settings.update(schoolId, after, actor.username()) == 0) {
            try {
                settings.insert(schoolId, after, actor.username());
            } catch (org.springframework.dao.DuplicateKeyException savedMeanwhile) {
                settings.update(schoolId, after, actor.username());
            }
        }
        history.record(new Subject(schoolId, null, "Reminders", schoolId, school.name()), "Changed the reminders",
                AdministrationHistory.fields("Reminders", before.inWords()),
                AdministrationHistory.fields("Reminders", after.inWords()));
        return after;
    }

    private static List<Integer> daysBefore(String typed, Map<String, String> problems) {
        List<Integer> days = new ArrayList<>();
        String text = typed == null ? "" : typed.strip();
        if (text.isEmpty()) {
            return days;
        }
        for (String part : text.split("[,\\s]+")) {
            if (!part.matches("\\d{1,3}") || Integer.parseInt(part) < 1
                    || Integer.parseInt(part) > ReminderSettings.MOST_DAYS_BEFORE) {
                problems.put("daysBefore", "Enter whole numbers of days from 1 to " + ReminderSettings.MOST_DAYS_BEFORE
                        + ", separated by commas, such as 7, 1 ('" + part + "' is not one)");
                return days;
            }
            days.add(Integer.parseInt(part));
        }
        if (days.stream().distinct().count() > 5) {
            problems.put("daysBefore", "Choose at most 5 days before the due date");
        }
        return days;
    }

    private static Integer wholeDays(String typed, String field, String what, Map<String, String> problems) {
        String text = typed == null ? "" : typed.strip();
        if (!text.matches("\\d{1,3}") || Integer.parseInt(text) < 1
                || Integer.parseInt(text) > ReminderSettings.MOST_DAYS_OVERDUE) {
            problems.put(field, "Enter " + what + ", a whole number from 1 to " + ReminderSettings.MOST_DAYS_OVERDUE);
            return null;
        }
        return Integer.parseInt(text);
    }

    // ==== when the model's timers fire ====

    /**
     * The reminder timer's cycle for a step of the school due at {@code due}: every morning from the first one
     * still to come, but no earlier than {@link ReminderSettings#MOST_DAYS_BEFORE} days before, to the due date,
     * e.g. {@code R8/2026-12-04T08:00:00/P1D}. Each morning the timer asks {@link #remind}, which writes only on
     * the school's reminder days as they are set that morning: a change of settings applies to the steps open
     * now. With no morning to come before the due date, a single firing a year after it, which writes nothing
     * (a timer must have a date).
     */
    @Transactional(readOnly = true)
    public String reminderCycle(Date due) {
        LocalDate dueDay = dayOf(due);
        LocalDate first = nextMorning();
        LocalDate earliest = dueDay.minusDays(ReminderSettings.MOST_DAYS_BEFORE);
        if (first.isBefore(earliest)) {
            first = earliest;
        }
        if (first.isAfter(dueDay)) {
            return never(dueDay);
        }
        long mornings = ChronoUnit.DAYS.between(first, dueDay) + 1;
        return "R" + mornings + "/" + ISO.format(first.atTime(MORNING)) + "/P1D";
    }

    /**
     * The escalation timer's cycle, asked when the step is given out: every morning from the first one after the
     * due date still to come, to the morning the step is {@link ReminderSettings#MOST_DAYS_OVERDUE} days overdue
     * counted as {@link #escalate} counts (from the due date, or from today if the step is given out after it), e.g.
     * {@code R90/2026-12-05T08:00:00/P1D}. Each morning the timer asks {@link #escalate}, which tells the line
     * manager, then the head, once each, by the school's settings as they are that morning: a change of settings
     * applies to the steps open now, raised or lowered.
     */
    @Transactional(readOnly = true)
    public String escalationCycle(Date due) {
        LocalDate dueDay = dayOf(due);
        LocalDate today = LocalDate.now(clock);
        LocalDate first = nextMorning();
        if (!first.isAfter(dueDay)) {
            first = dueDay.plusDays(1);
        }
        LocalDate last = (dueDay.isAfter(today) ? dueDay : today).plusDays(ReminderSettings.MOST_DAYS_OVERDUE);
        long mornings = ChronoUnit.DAYS.between(first, last) + 1;
        return "R" + mornings + "/" + ISO.format(first.atTime(MORNING)) + "/P1D";
    }

    /** Today, if it is not yet {@link #MORNING} by the server's clock; otherwise tomorrow. */
    private LocalDate nextMorning() {
        LocalDateTime now = LocalDateTime.now(clock);
        return now.toLocalDate().plusDays(now.toLocalTime().isBefore(MORNING) ? 0 : 1);
    }

    private static String never(LocalDate dueDay) {
        return "R1/" + ISO.format(dueDay.plusYears(1).atTime(MORNING)) + "/P1D";
    }

    private static List<LocalDate> reminderDays(ReminderSettings school, LocalDate dueDay) {
        List<LocalDate> days = new ArrayList<>(school.daysBefore().stream().map(dueDay::minusDays).toList());
        if (school.onDueDate()) {
            days.add(dueDay);
        }
        return days.stream().sorted().toList();
    }

    /**
     * The reminder timer fired: on one of the school's reminder days (counted from today to the due date) the
     * step's person is reminded, once that day. A step offered to a group has no one person to remind.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean remind(StepDue step) {
        ReminderSettings school = settingsOf(step.schoolId());
        LocalDate today = LocalDate.now(clock);
        LocalDate dueDay = dayOf(step.due());
        if (!reminderDays(school, dueDay).contains(today)) {
            return false;
        }
        StaffMember person = recipients.byUsername(step.schoolId(), step.assignee()).orElse(null);
        if (person == null) {
            return false;
        }
        long daysLeft = ChronoUnit.DAYS.between(today, dueDay);
        Map<String, Object> values = values(step);
        values.put("firstName", person.firstName());
        values.put("when", daysLeft == 0 ? "today" : daysLeft == 1 ? "tomorrow" : "in " + daysLeft + " days");
        values.put("link", links.step(step.taskId()));
        return outbox.write(new OutgoingMail(step.schoolId(), person.id(), person.email(), MailKind.REMINDER,
                "reminder:" + step.taskId() + ":" + today, "step-reminder", values));
    }

    /**
     * The escalation timer fired: a step {@code headAfterDays} or more overdue is told to the school's head
     * (each head, when there are several), with a link to the dashboard's overdue steps; one
     * {@code lineManagerAfterDays} or more overdue to the line manager of the person it waits on (their reviewer
     * when they have no line manager), without a link to the step, which is not theirs to open. Each is told once
     * per step; nobody is told of their own step. The days are counted from the due date, or from the day the
     * step was given if that was later (a cycle launched after its dates).
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public int escalate(StepDue step) {
        LocalDate today = LocalDate.now(clock);
        LocalDate dueDay = dayOf(step.due());
        long overdue = ChronoUnit.DAYS.between(dueDay, today);
        // the days count from the due date, or from the day the step was given if that was later: a cycle
        // launched after its dates gives its people the same days as everyone before anyone is told
        LocalDate given = step.given() == null ? dueDay : dayOf(step.given());
        LocalDate counted = given.isAfter(dueDay) ? given : dueDay;
        long late = ChronoUnit.DAYS.between(counted, today);
        if (late > ReminderSettings.MOST_DAYS_OVERDUE) {
            // past the last day the settings can name (the timer's one firing more, or a step a year open)
            return 0;
        }
        ReminderSettings school = settingsOf(step.schoolId());
        // whom it waits on, whether or not they can be written to themselves (no address, left)
        Optional<StaffMember> waitingOn = step.assignee() == null ? Optional.empty()
                : staff.findByUsername(step.assignee()).filter(p -> p.schoolId() != null && p.schoolId() == step.schoolId());
        Map<String, Object> values = values(step);
        values.put("overdueDays", overdue);
        values.put("waitingOn", waitingOn.map(StaffMember::fullName).orElse("the school's heads"));
        int written = 0;
        if (late >= school.headAfterDays()) {
            values.put("link", links.page("/dashboard#steps-overdue"));
            for (StaffMember head : staff.headsOf(step.schoolId())) {
                written += tell(step, head, "head", waitingOn, values);
            }
        } else if (late >= school.lineManagerAfterDays() && waitingOn.isPresent()) {
            boolean lineManager = waitingOn.get().lineManagerId() != null;
            Long managerId = lineManager ? waitingOn.get().lineManagerId() : waitingOn.get().reviewerId();
            Optional<StaffMember> manager = recipients.byId(step.schoolId(), managerId);
            if (manager.isPresent()) {
                values.put("as", lineManager ? "their line manager" : "their reviewer");
                written += tell(step, manager.get(), "manager", waitingOn, values);
            }
        }
        return written;
    }

    private int tell(StepDue step, StaffMember whom, String stage, Optional<StaffMember> waitingOn,
            Map<String, Object> values) {
        if (!MailRecipients.writable(step.schoolId(), whom)
                || waitingOn.map(p -> p.id().equals(whom.id())).orElse(false)) {
            return 0;
        }
        String dedupKey = "overdue-" + stage + ":" + step.taskId() + ":" + whom.id();
        if (outbox.written(dedupKey)) {
            return 0; // told on an earlier morning: the timer asks every morning
        }
        Map<String, Object> mine = new HashMap<>(values);
        mine.put("firstName", whom.firstName());
        mine.put("stage", stage);
        return outbox.write(new OutgoingMail(step.schoolId(), whom.id(), whom.email(), MailKind.ESCALATION,
                dedupKey, "step-overdue", mine)) ? 1 : 0;
    }

    private static Map<String, Object> values(StepDue step) {
        Map<String, Object> values = new HashMap<>();
        values.put("step", step.stepName());
        values.put("schoolName", step.schoolName());
        values.put("due", MailRecipients.day(step.due()));
        return values;
    }

    private LocalDate dayOf(Date date) {
        return date.toInstant().atZone(clock.getZone()).toLocalDate();
    }

}
