package org.reviewcycle.staff;

import static org.reviewcycle.staff.ImportField.CATEGORY;
import static org.reviewcycle.staff.ImportField.EMAIL;
import static org.reviewcycle.staff.ImportField.FIRST_NAME;
import static org.reviewcycle.staff.ImportField.JOB_TITLE;
import static org.reviewcycle.staff.ImportField.LAST_NAME;
import static org.reviewcycle.staff.ImportField.LEFT_ON;
import static org.reviewcycle.staff.ImportField.REVIEWER_STAFF_NUMBER;
import static org.reviewcycle.staff.ImportField.STAFF_NUMBER;
import static org.reviewcycle.staff.ImportField.STARTED_ON;
import static org.reviewcycle.staff.ImportField.TEAM;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.reviewcycle.common.CurrentActor;
import org.reviewcycle.history.AdministrationHistory;
import org.reviewcycle.history.AdministrationHistory.Subject;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * The MIS import's rules, for {@link StaffService} (which holds the transaction): a plan of what a
 * staff file changes at one school, checked row by row, and carrying it out. People are matched by
 * staff number. A field whose column is not in the file is left as it is; a column in the file is
 * the truth, so an empty reviewer cell means no reviewer. New people get a username made from their
 * email and no password until an admin gives one.
 */
@Component
class StaffImport {

    private static final DateTimeFormatter UK_DATE = DateTimeFormatter.ofPattern("d/M/uuuu")
            .withResolverStyle(ResolverStyle.STRICT);
    private static final DateTimeFormatter UK_DATE_DASHES = DateTimeFormatter.ofPattern("d-M-uuuu")
            .withResolverStyle(ResolverStyle.STRICT);
    private static final int INSERT_CHUNK = 500;

    private final StaffMapper staff;
    private final TeamMapper teams;
    private final AdministrationHistory history;
    private final ApplicationEventPublisher events;
    private final CurrentActor actor;

    StaffImport(StaffMapper staff, TeamMapper teams, AdministrationHistory history, ApplicationEventPublisher events,
            CurrentActor actor) {
        this.staff = staff;
        this.teams = teams;
        this.history = history;
        this.events = events;
        this.actor = actor;
    }

    /** One row as it will be written: the person after the import, and before (null: new). */
    private record Planned(ImportRow row, StaffMember before, StaffMember after, String reviewerNumber, Team team,
            List<Change> changes) {
    }

    /** One field that changes, in words. */
    private record Change(String field, String before, String after) {

        @Override
        public String toString() {
            return field + ": " + before + " → " + after;
        }
    }

    /** The plan: the preview, and what carrying it out writes. */
    record Plan(long schoolId, ImportPreview preview, List<Planned> rows, List<StaffMember> leavers, LocalDate today,
            Map<String, StaffMember> byNumber) {
    }

    Plan plan(long schoolId, List<ImportRow> rows, boolean markMissingAsLeavers, LocalDate today) {
        List<StaffMember> school = staff.selectWholeSchool(schoolId);
        Map<String, StaffMember> byNumber = school.stream().filter(s -> s.staffNumber() != null)
                .collect(Collectors.toMap(StaffMember::staffNumber, Function.identity()));
        Map<Long, StaffMember> byId = school.stream().collect(Collectors.toMap(StaffMember::id, Function.identity()));
        Map<String, Team> teamsByName = new HashMap<>();
        for (Team team : teams.selectBySchool(schoolId)) {
            teamsByName.put(team.name().toLowerCase(Locale.ROOT), team);
            teamsByName.put(team.code().toLowerCase(Locale.ROOT), team);
        }

        var problems = new ArrayList<ImportPreview.Problem>();
        var planned = new ArrayList<Planned>();
        var lineOfNumber = new HashMap<String, Long>();
        for (ImportRow row : rows) {
            String number = row.get(STAFF_NUMBER);
            var wrong = new ArrayList<String>();
            if (number.isEmpty()) {
                wrong.add("the staff number is missing");
            } else if (number.length() > 40) {
                wrong.add("the staff number is longer than 40 characters");
            } else if (lineOfNumber.putIfAbsent(number, row.line()) != null) {
                wrong.add("staff number " + number + " is also on line " + lineOfNumber.get(number));
            }
            StaffMember before = byNumber.get(number);
            String first = text(row, FIRST_NAME, 100, wrong);
            String last = text(row, LAST_NAME, 100, wrong);
            String email = text(row, EMAIL, 254, wrong);
            if (!email.isEmpty() && !StaffService.EMAIL.matcher(email).matches()) {
                wrong.add("email '" + email + "' is not an email address");
            }
            String jobTitle = text(row, JOB_TITLE, 200, wrong);
            StaffCategory category = category(row, jobTitle, before, wrong);
            LocalDate startedOn = row.has(STARTED_ON) ? date(row, STARTED_ON, wrong) : before == null ? null
                    : before.startedOn();
            LocalDate leftOn = row.has(LEFT_ON) ? date(row, LEFT_ON, wrong) : before == null ? null : before.leftOn();
            if (startedOn != null && leftOn != null && leftOn.isBefore(startedOn)) {
                wrong.add("the leaving date " + UK_DATE.format(leftOn) + " is before the start date "
                        + UK_DATE.format(startedOn));
            }
            Team team = null;
            if (!row.get(TEAM).isEmpty()) {
                team = teamsByName.get(row.get(TEAM).toLowerCase(Locale.ROOT));
                if (team == null) {
                    wrong.add("there is no team '" + row.get(TEAM) + "' (teams are set up on the Teams page)");
                }
            }
            boolean reviewerGiven = row.has(REVIEWER_STAFF_NUMBER);
            String reviewerNumber = reviewerGiven ? row.get(REVIEWER_STAFF_NUMBER)
                    : before == null || before.reviewerId() == null ? "" : numberOf(byId.get(before.reviewerId()));
            if (reviewerGiven && reviewerNumber.equals(number) && !number.isEmpty()) {
                wrong.add("a member of staff cannot review themselves");
            }
            if (!wrong.isEmpty()) {
                problems.add(new ImportPreview.Problem(row.line(), number, sentence(wrong)));
                continue;
            }
            var after = new StaffMember(before == null ? null : before.id(), schoolId,
                    before == null ? null : before.username(), first, last, email, jobTitle, category,
                    before == null || before.active(), before != null && before.administrator(),
                    before == null ? null : before.reviewerId(), number,
                    before == null ? null : before.lineManagerId(), startedOn, leftOn,
                    before != null && before.trustAdmin());
            planned.add(new Planned(row, before, after, reviewerNumber, team, new ArrayList<>()));
        }

        Set<String> inFile = rows.stream().map(r -> r.get(STAFF_NUMBER)).collect(Collectors.toSet());
        checkReviewers(planned, byNumber, byId, inFile, problems);
        if (!problems.isEmpty()) {
            problems.sort((a, b) -> Long.compare(a.line(), b.line()));
            return new Plan(schoolId, new ImportPreview(List.of(), List.of(), 0, List.of(), problems), List.of(),
                    List.of(), today, byNumber);
        }

        Map<Long, Set<Long>> members = new HashMap<>();
        var created = new ArrayList<ImportPreview.Created>();
        var changed = new ArrayList<ImportPreview.Changed>();
        int unchanged = 0;
        for (Planned p : planned) {
            if (p.before() == null) {
                created.add(new ImportPreview.Created(p.row().line(), p.after().staffNumber(), p.after().fullName(),
                        p.after().jobTitle(), p.after().category().label()));
                continue;
            }
            p.changes().addAll(differences(p, byId, byNumber,
                    p.team() == null ? false : !members.computeIfAbsent(p.team().id(),
                            id -> new HashSet<>(teams.selectMemberIds(id))).contains(p.before().id())));
            if (p.changes().isEmpty()) {
                unchanged++;
            } else {
                changed.add(new ImportPreview.Changed(p.row().line(), p.after().staffNumber(), p.after().fullName(),
                        p.changes().stream().map(Change::toString).toList()));
            }
        }
        var leavers = new ArrayList<StaffMember>();
        var leaverLines = new ArrayList<ImportPreview.Leaver>();
        if (markMissingAsLeavers) {
            for (StaffMember member : school) {
                if (member.staffNumber() != null && !inFile.contains(member.staffNumber()) && member.leftOn() == null) {
                    leavers.add(member);
                    leaverLines.add(new ImportPreview.Leaver(member.staffNumber(), member.fullName(), today));
                }
            }
        }
        return new Plan(schoolId, new ImportPreview(created, changed, unchanged, leaverLines, List.of()), planned,
                leavers, today, byNumber);
    }

    /** Carries out a plan without problems, inside the caller's transaction; returns what was done. */
    ImportPreview apply(Plan plan, String schoolName) {
        if (!plan.preview().importable()) {
            throw new IllegalArgumentException("The file has " + plan.preview().problems().size()
                    + " bad rows; nothing was imported. Correct them and import the file again.");
        }
        String by = actor.username();
        var newcomers = plan.rows().stream().filter(p -> p.before() == null).toList();
        var usernames = new Usernames(staff.selectUsernamesStartingWith("%"));
        Map<String, String> usernameOf = new HashMap<>();
        var fresh = newcomers.stream().map(p -> {
            String username = usernames.from(p.after().email());
            usernameOf.put(p.after().staffNumber(), username);
            return withUsername(p.after(), username);
        }).toList();
        for (int i = 0; i < fresh.size(); i += INSERT_CHUNK) {
            staff.insertImported(fresh.subList(i, Math.min(i + INSERT_CHUNK, fresh.size())), by);
        }
        Map<String, Long> idOf = staff.selectIdsByStaffNumber(plan.schoolId()).stream()
                .collect(Collectors.toMap(StaffMapper.NumberedId::staffNumber, StaffMapper.NumberedId::id));
        Map<String, String> nameOf = new HashMap<>();
        plan.rows().forEach(p -> nameOf.put(p.after().staffNumber(), p.after().fullName()));
        plan.byNumber().forEach((number, member) -> nameOf.putIfAbsent(number, member.fullName()));

        Map<Long, Set<Long>> members = new HashMap<>();
        var changes = new ArrayList<AdministrationHistory.Change>();
        var links = new ArrayList<StaffMapper.ReviewerLink>();
        var reviewerEvents = new ArrayList<ReviewerChanged>();
        for (Planned p : plan.rows()) {
            StaffMember now = withId(p.after(), idOf.get(p.after().staffNumber()),
                    p.before() == null ? usernameOf.get(p.after().staffNumber()) : p.before().username());
            if (p.before() == null) {
                changes.add(new AdministrationHistory.Change(StaffWords.subjectOf(now), "Added from the MIS file", null,
                        StaffWords.of(now, nameOf.get(p.reviewerNumber()), null)));
            } else if (!p.changes().isEmpty()) {
                staff.updateDetails(p.after(), by);
                var before = new LinkedHashMap<String, String>();
                var after = new LinkedHashMap<String, String>();
                p.changes().forEach(c -> {
                    before.put(c.field(), c.before());
                    after.put(c.field(), c.after());
                });
                changes.add(new AdministrationHistory.Change(StaffWords.subjectOf(now), "Changed by the MIS file",
                        before, after));
                if (!Objects.equals(p.before().leftOn(), p.after().leftOn()) && p.after().leftOn() != null) {
                    events.publishEvent(new StaffLeft(now.id(), p.after().leftOn()));
                }
            }
            if (p.row().has(REVIEWER_STAFF_NUMBER)) {
                Long reviewerId = p.reviewerNumber().isEmpty() ? null : idOf.get(p.reviewerNumber());
                Long previous = p.before() == null ? null : p.before().reviewerId();
                if (!Objects.equals(previous, reviewerId)) {
                    links.add(new StaffMapper.ReviewerLink(now.id(), reviewerId));
                    if (p.before() != null) {
                        reviewerEvents.add(new ReviewerChanged(now.id(), previous, reviewerId));
                    }
                }
            }
            if (p.team() != null && !members.computeIfAbsent(p.team().id(),
                    id -> new HashSet<>(teams.selectMemberIds(id))).contains(now.id())) {
                teams.insertMember(p.team().id(), now.id(), by);
            }
        }
        // a whole school's reviewers in a few statements, not one each (the import benchmark: 10,000 staff)
        for (int i = 0; i < links.size(); i += INSERT_CHUNK) {
            staff.updateReviewers(links.subList(i, Math.min(i + INSERT_CHUNK, links.size())), by);
        }
        reviewerEvents.forEach(events::publishEvent);
        for (StaffMember leaver : plan.leavers()) {
            staff.updateLeftOn(leaver.id(), plan.today(), by);
            changes.add(new AdministrationHistory.Change(StaffWords.subjectOf(leaver),
                    "Marked as a leaver: not in the MIS file", Map.of("Leaving date", "none"),
                    Map.of("Leaving date", UK_DATE.format(plan.today()))));
            events.publishEvent(new StaffLeft(leaver.id(), plan.today()));
        }
        var preview = plan.preview();
        var summary = new LinkedHashMap<String, String>();
        summary.put("Added", String.valueOf(preview.created().size()));
        summary.put("Changed", String.valueOf(preview.changed().size()));
        summary.put("Left as they were", String.valueOf(preview.unchanged()));
        summary.put("Marked as leavers", String.valueOf(preview.leavers().size()));
        changes.add(new AdministrationHistory.Change(new Subject(plan.schoolId(), null, "School", plan.schoolId(),
                schoolName), "Imported staff from the MIS file", null, summary));
        history.recordAll(changes);
        return preview;
    }

    static String formatDate(LocalDate date) {
        return date == null ? "none" : UK_DATE.format(date);
    }

    /** A date as schools write them: 31/10/2026, 31-10-2026 or 2026-10-31. */
    static Optional<LocalDate> parseDate(String text) {
        for (DateTimeFormatter format : List.of(UK_DATE, DateTimeFormatter.ISO_LOCAL_DATE, UK_DATE_DASHES)) {
            try {
                return Optional.of(LocalDate.parse(text.strip(), format));
            } catch (DateTimeParseException e) {
                // the next way of writing it
            }
        }
        return Optional.empty();
    }

    /** "the staff number is missing; bad date" as "The staff number is missing; bad date." */
    private static String sentence(List<String> wrong) {
        String joined = String.join("; ", wrong);
        return Character.toUpperCase(joined.charAt(0)) + joined.substring(1) + ".";
    }

    private static String text(ImportRow row, ImportField field, int max, List<String> wrong) {
        String value = row.get(field);
        if (value.isEmpty()) {
            wrong.add(field.label().toLowerCase(Locale.ROOT).replace(" (role)", "") + " is missing");
        } else if (value.length() > max) {
            wrong.add(field.label() + " is longer than " + max + " characters");
        }
        return value;
    }

    private static LocalDate date(ImportRow row, ImportField field, List<String> wrong) {
        String value = row.get(field);
        if (value.isEmpty()) {
            return null;
        }
        return parseDate(value).orElseGet(() -> {
            wrong.add(field.label().toLowerCase(Locale.ROOT) + " '" + value
                    + "' is not a date (write 31/10/2026 or 2026-10-31)");
            return null;
        });
    }

    private static StaffCategory category(ImportRow row, String jobTitle, StaffMember before, List<String> wrong) {
        String given = row.get(CATEGORY);
        if (!given.isEmpty()) {
            return StaffCategories.of(given).orElseGet(() -> {
                wrong.add("category '" + given + "' is not one of ours (" + categoryNames() + ")");
                return null;
            });
        }
        var guessed = StaffCategories.of(jobTitle);
        if (guessed.isPresent()) {
            return guessed.get();
        }
        if (before != null) {
            return before.category();
        }
        if (!jobTitle.isEmpty()) {
            wrong.add("the role '" + jobTitle + "' does not say which category they are in: add a Category column "
                    + "(" + categoryNames() + ")");
        }
        return null;
    }

    private static String categoryNames() {
        return java.util.Arrays.stream(StaffCategory.values()).map(StaffCategory::label)
                .collect(Collectors.joining(", "));
    }

    /**
     * Each reviewer must be in the file or on the school's staff, and reviewers must not go round in a
     * loop (A reviews B reviews C reviews A): a loop is reported on each of its rows, names in order.
     */
    private static void checkReviewers(List<Planned> planned, Map<String, StaffMember> byNumber,
            Map<Long, StaffMember> byId, Set<String> inFile, List<ImportPreview.Problem> problems) {
        Map<String, String> reviewerOf = new HashMap<>();
        Map<String, String> nameOf = new HashMap<>();
        for (StaffMember member : byId.values()) {
            String key = keyOf(member);
            nameOf.put(key, member.fullName());
            if (member.reviewerId() != null && byId.containsKey(member.reviewerId())) {
                reviewerOf.put(key, keyOf(byId.get(member.reviewerId())));
            }
        }
        for (Planned p : planned) {
            String number = p.after().staffNumber();
            nameOf.put(number, p.after().fullName());
            if (!p.row().has(REVIEWER_STAFF_NUMBER)) {
                continue;
            }
            if (p.reviewerNumber().isEmpty()) {
                reviewerOf.remove(number);
            } else {
                reviewerOf.put(number, p.reviewerNumber());
            }
        }
        for (Planned p : planned) {
            String reviewer = p.reviewerNumber();
            if (reviewer.isEmpty() || !p.row().has(REVIEWER_STAFF_NUMBER)) {
                continue;
            }
            if (!inFile.contains(reviewer) && !byNumber.containsKey(reviewer)) {
                problems.add(new ImportPreview.Problem(p.row().line(), p.after().staffNumber(), "Reviewer's staff number "
                        + reviewer + " is neither in the file nor on the school's staff."));
                continue;
            }
            var chain = new ArrayList<String>();
            String at = p.after().staffNumber();
            var seen = new HashSet<String>();
            while (at != null && seen.add(at)) {
                chain.add(at);
                at = reviewerOf.get(at);
            }
            if (p.after().staffNumber().equals(at) && chain.size() > 1) {
                chain.add(at);
                problems.add(new ImportPreview.Problem(p.row().line(), p.after().staffNumber(),
                        "Reviewers go round in a loop: " + StaffService.loopInWords(chain.stream()
                                .map(k -> nameOf.getOrDefault(k, k)).toList()) + "."));
            }
        }
    }

    private static String keyOf(StaffMember member) {
        return member.staffNumber() != null ? member.staffNumber() : "#" + member.id();
    }

    private static String numberOf(StaffMember member) {
        return member == null || member.staffNumber() == null ? "" : member.staffNumber();
    }

    private static List<Change> differences(Planned p, Map<Long, StaffMember> byId, Map<String, StaffMember> byNumber,
            boolean joinsTeam) {
        StaffMember b = p.before();
        StaffMember a = p.after();
        var changes = new ArrayList<Change>();
        change(changes, "First name", b.firstName(), a.firstName());
        change(changes, "Last name", b.lastName(), a.lastName());
        change(changes, "Email", b.email(), a.email());
        change(changes, "Job title", b.jobTitle(), a.jobTitle());
        change(changes, "Category", b.category().label(), a.category().label());
        change(changes, "Start date", formatDate(b.startedOn()), formatDate(a.startedOn()));
        change(changes, "Leaving date", formatDate(b.leftOn()), formatDate(a.leftOn()));
        String reviewerBefore = b.reviewerId() == null ? "none" : byId.get(b.reviewerId()).fullName();
        String reviewerAfter = p.reviewerNumber().isEmpty() ? "none" : byNumber.containsKey(p.reviewerNumber())
                ? byNumber.get(p.reviewerNumber()).fullName() : "the new member of staff " + p.reviewerNumber();
        boolean reviewerChanges = b.reviewerId() == null ? !p.reviewerNumber().isEmpty()
                : !p.reviewerNumber().equals(numberOf(byId.get(b.reviewerId())));
        if (p.row().has(REVIEWER_STAFF_NUMBER) && reviewerChanges) {
            changes.add(new Change("Reviewer", reviewerBefore, reviewerAfter));
        }
        if (joinsTeam) {
            changes.add(new Change("Team " + p.team().name(), "not a member", "member"));
        }
        return changes;
    }

    private static void change(List<Change> changes, String field, String before, String after) {
        if (!Objects.equals(before, after)) {
            changes.add(new Change(field, before, after));
        }
    }

    private static StaffMember withId(StaffMember m, Long id, String username) {
        return new StaffMember(id, m.schoolId(), username, m.firstName(), m.lastName(), m.email(), m.jobTitle(),
                m.category(), m.active(), m.administrator(), m.reviewerId(), m.staffNumber(), m.lineManagerId(),
                m.startedOn(), m.leftOn(), m.trustAdmin());
    }

    private static StaffMember withUsername(StaffMember m, String username) {
        return new StaffMember(null, m.schoolId(), username, m.firstName(), m.lastName(), m.email(), m.jobTitle(),
                m.category(), true, false, null, m.staffNumber(), null, m.startedOn(), m.leftOn(), false);
    }
}
