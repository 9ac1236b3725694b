package org.reviewcycle.school;

import java.time.LocalDate;
import java.time.Month;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.reviewcycle.common.Checks.requireText;
import static org.reviewcycle.history.AdministrationHistory.fields;

import org.reviewcycle.common.CurrentActor;
import org.reviewcycle.common.InvalidInput;
import org.reviewcycle.common.NotFoundException;
import org.reviewcycle.history.AdministrationHistory;
import org.reviewcycle.history.AdministrationHistory.Subject;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The entry point for schools, their improvement priorities and their review cycles. */
@Service
@Transactional
public class SchoolService {

    private static final Pattern SCHOOL_CODE = Pattern.compile("[a-z0-9][a-z0-9-]{0,39}");

    private final SchoolMapper schools;
    private final CurrentActor actor;
    private final ApplicationEventPublisher events;
    private final AdministrationHistory history;

    SchoolService(SchoolMapper schools, CurrentActor actor, ApplicationEventPublisher events,
            AdministrationHistory history) {
        this.schools = schools;
        this.actor = actor;
        this.events = events;
        this.history = history;
    }

    public School createSchool(String code, String name) {
        if (code == null || !SCHOOL_CODE.matcher(code).matches()) {
            throw new IllegalArgumentException("School code '" + code
                    + "' must be 1 to 40 lower-case letters, digits or hyphens (it names the school's groups)");
        }
        schools.insertSchool(code, requireText("School name", name, 200), actor.username());
        School school = schools.selectSchoolByCode(code).orElseThrow();
        events.publishEvent(new SchoolCreated(school));
        return school;
    }

    @Transactional(readOnly = true)
    public Optional<School> findSchool(String code) {
        return schools.selectSchoolByCode(code);
    }

    @Transactional(readOnly = true)
    public Optional<School> findSchool(long id) {
        return schools.selectSchoolById(id);
    }

    @Transactional(readOnly = true)
    public List<School> allSchools() {
        return schools.selectAllSchools();
    }

    public SchoolPriority addPriority(long schoolId, String code, String title, String wholeSchoolTarget) {
        String priorityCode = requireText("Priority code", code, 20);
        schools.insertPriority(new SchoolPriority(null, schoolId, priorityCode, requireText("Priority title", title, 300),
                requireText("Whole-school target", wholeSchoolTarget, 1000)), actor.username());
        return schools.selectPrioritiesBySchool(schoolId).stream()
                .filter(p -> p.code().equals(priorityCode))
                .findFirst().orElseThrow();
    }

    @Transactional(readOnly = true)
    public List<SchoolPriority> priorities(long schoolId) {
        return schools.selectPrioritiesBySchool(schoolId);
    }

    @Transactional(readOnly = true)
    public Optional<SchoolPriority> findPriority(long id) {
        return schools.selectPriorityById(id);
    }

    /**
     * Plans a cycle; each category's milestone dates must fall in order inside the academic year
     * the cycle names, or the cycle is refused with a sentence per date that is wrong.
     */
    public ReviewCycle planCycle(ReviewCycle cycle) {
        CycleDates.check(cycle);
        if (schools.selectCycleBySchoolAndYear(cycle.schoolId(), cycle.academicYear()).isPresent()) {
            throw new InvalidInput(Map.of("academicYear",
                    "There is a " + cycle.academicYear() + " cycle already; change its dates instead"));
        }
        var planned = new ReviewCycle(null, cycle.schoolId(), cycle.academicYear(), cycle.objectivesAgreedBy(),
                cycle.midYearCheckFrom(), cycle.finalReviewFrom(), cycle.finalReviewDue(), CycleState.PLANNED,
                cycle.observationsBy(), cycle.supportObjectivesAgreedBy(), cycle.supportMidYearCheckFrom(),
                cycle.supportFinalReviewFrom(), cycle.supportFinalReviewDue(), cycle.newStarterWeeks());
        schools.insertCycle(planned, actor.username());
        return schools.selectCycleBySchoolAndYear(cycle.schoolId(), cycle.academicYear()).orElseThrow();
    }

    /** New dates for a cycle not yet launched (its academic year stays); checked as when it was planned. */
    public ReviewCycle changeCycleDates(ReviewCycle dates) {
        ReviewCycle cycle = schools.selectCycleById(dates.id())
                .orElseThrow(() -> new IllegalArgumentException("No review cycle with id " + dates.id()));
        if (cycle.state() != CycleState.PLANNED) {
            throw new IllegalStateException("The " + cycle.academicYear() + " cycle has been "
                    + (cycle.closed() ? "closed" : "launched") + "; its dates can no longer be changed");
        }
        var changed = new ReviewCycle(cycle.id(), cycle.schoolId(), cycle.academicYear(), dates.objectivesAgreedBy(),
                dates.midYearCheckFrom(), dates.finalReviewFrom(), dates.finalReviewDue(), cycle.state(),
                dates.observationsBy(), dates.supportObjectivesAgreedBy(), dates.supportMidYearCheckFrom(),
                dates.supportFinalReviewFrom(), dates.supportFinalReviewDue(), dates.newStarterWeeks());
        CycleDates.check(changed);
        if (schools.updateCycleDates(changed, actor.username()) != 1) {
            throw new IllegalStateException("The " + cycle.academicYear() + " cycle was launched meanwhile; "
                    + "its dates can no longer be changed");
        }
        return schools.selectCycleById(cycle.id()).orElseThrow();
    }

    /** A school's cycles, the latest academic year first. */
    @Transactional(readOnly = true)
    public List<ReviewCycle> cyclesOf(long schoolId) {
        return schools.selectCyclesBySchool(schoolId);
    }

    @Transactional(readOnly = true)
    public Optional<ReviewCycle> findCycle(long id) {
        return schools.selectCycleById(id);
    }

    /** Every school's cycles, the latest academic year first. */
    @Transactional(readOnly = true)
    public List<ReviewCycle> allCycles() {
        return schools.selectAllCycles();
    }

    @Transactional(readOnly = true)
    public Optional<ReviewCycle> findCycle(long schoolId, String academicYear) {
        return schools.selectCycleBySchoolAndYear(schoolId, academicYear);
    }

    /**
     * Takes the cycle's launch lock until the end of the transaction (the row lock of the cycle), so
     * that launches of one cycle on several nodes, or two admins pressing Launch at once, open
     * each review once.
     */
    public void lockCycleForLaunch(long cycleId) {
        if (schools.selectCycleIdForUpdate(cycleId).isEmpty()) {
            throw new IllegalArgumentException("No review cycle with id " + cycleId);
        }
    }

    public void changeCycleState(long cycleId, CycleState state) {
        if (schools.updateCycleState(cycleId, state, actor.username()) != 1) {
            throw new IllegalArgumentException("No review cycle with id " + cycleId);
        }
    }
    // --- administration of schools and priorities (the Schools and Priorities pages) ---

    /** A priority's code: short, as school plans write them ("W1", "KS2-M"), no spaces. */
    private static final Pattern PRIORITY_CODE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9.-]{0,19}");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy");

    /** The academic year (1 September to 31 August) that contains {@code day}, written like 2026/27. */
    public static String academicYearOf(LocalDate day) {
        int autumn = day.getMonthValue() >= Month.SEPTEMBER.getValue() ? day.getYear() : day.getYear() - 1;
        return autumn + "/" + String.format("%02d", (autumn + 1) % 100);
    }

    /** Adds a school for the trust, each bad field named: the code's form, a code taken, the name. */
    public School openSchool(String code, String name) {
        var problems = new InvalidInput.Problems();
        String schoolCode = problems.text("code", "School code", code, 40);
        if (schoolCode != null && !SCHOOL_CODE.matcher(schoolCode).matches()) {
            problems.add("code", "School code must be lower-case letters, digits or hyphens, starting with a "
                    + "letter or digit, like oakfield-primary");
        } else if (schoolCode != null && schools.selectSchoolByCode(schoolCode).isPresent()) {
            problems.add("code", "The code " + schoolCode + " is taken by "
                    + schools.selectSchoolByCode(schoolCode).orElseThrow().name() + "; choose another");
        }
        String schoolName = problems.text("name", "School name", name, 200);
        problems.throwIfAny();
        School school = createSchool(schoolCode, schoolName);
        history.record(subject(school), "Added the school", null, fields("Name", school.name(), "Code", school.code()));
        return school;
    }

    public void renameSchool(long schoolId, String name) {
        School school = requireSchool(schoolId);
        var problems = new InvalidInput.Problems();
        String newName = problems.text("name", "School name", name, 200);
        problems.throwIfAny();
        if (newName.equals(school.name())) {
            return;
        }
        schools.updateSchoolName(schoolId, newName, actor.username());
        history.record(subject(school), "Renamed the school", fields("Name", school.name()), fields("Name", newName));
    }

    /**
     * Closes the school from {@code closedOn} (today or earlier): its records are kept, and no cycle
     * of it is launched any more.
     */
    public void closeSchool(long schoolId, LocalDate closedOn, LocalDate today) {
        School school = requireSchool(schoolId);
        if (closedOn == null) {
            throw InvalidInput.of("closedOn", "Enter the date the school closed");
        }
        if (closedOn.isAfter(today)) {
            throw InvalidInput.of("closedOn", "The date the school closed must be today or earlier; "
                    + "close it on the day it closes");
        }
        schools.updateSchoolClosedOn(schoolId, closedOn, actor.username());
        history.record(subject(school), "Closed the school", fields("Closed on", day(school.closedOn())),
                fields("Closed on", day(closedOn)));
    }

    public void reopenSchool(long schoolId) {
        School school = requireSchool(schoolId);
        if (!school.closed()) {
            return;
        }
        schools.updateSchoolClosedOn(schoolId, null, actor.username());
        history.record(subject(school), "Reopened the school", fields("Closed on", day(school.closedOn())),
                fields("Closed on", null));
    }

    /** Every school at a glance, by name, with its cycle of {@code academicYear}. */
    @Transactional(readOnly = true)
    public List<SchoolSummary> summaries(String academicYear, LocalDate today) {
        Map<Long, StaffCount> counts = schools.selectStaffCounts(null, today).stream()
                .collect(Collectors.toMap(StaffCount::schoolId, Function.identity()));
        Map<Long, ReviewCycle> cycles = schools.selectCyclesOfYear(academicYear).stream()
                .collect(Collectors.toMap(ReviewCycle::schoolId, Function.identity()));
        return schools.selectAllSchools().stream().map(school -> summary(school, counts.get(school.id()),
                cycles.get(school.id()))).toList();
    }

    @Transactional(readOnly = true)
    public SchoolSummary summary(long schoolId, String academicYear, LocalDate today) {
        School school = requireSchool(schoolId);
        var counts = schools.selectStaffCounts(schoolId, today).stream().findFirst().orElse(null);
        return summary(school, counts, schools.selectCycleBySchoolAndYear(schoolId, academicYear).orElse(null));
    }

    @Transactional(readOnly = true)
    public List<TrustPriority> trustPriorities() {
        return schools.selectTrustPriorities();
    }

    @Transactional(readOnly = true)
    public TrustPriority trustPriority(long id) {
        return schools.selectTrustPriorityById(id)
                .orElseThrow(() -> new NotFoundException("There is no trust priority " + id + "."));
    }

    public TrustPriority addTrustPriority(String code, String title, String description) {
        var priority = checkedTrustPriority(null, code, title, description);
        schools.insertTrustPriority(priority, actor.username());
        TrustPriority added = schools.selectTrustPriorityByCode(priority.code()).orElseThrow();
        history.record(subject(added), "Added the trust priority", null, described(added));
        return added;
    }

    public void changeTrustPriority(long id, String code, String title, String description) {
        TrustPriority before = trustPriority(id);
        var changed = checkedTrustPriority(before, code, title, description);
        schools.updateTrustPriority(changed, actor.username());
        history.record(subject(changed), "Changed the trust priority", described(before), described(changed));
    }

    /** Retires the priority from {@code on} (null: brings it back). Schools' priorities keep their link. */
    public void retireTrustPriority(long id, LocalDate on) {
        TrustPriority before = trustPriority(id);
        if (Objects.equals(before.retiredOn(), on)) {
            return;
        }
        var changed = new TrustPriority(id, before.code(), before.title(), before.description(), on);
        schools.updateTrustPriority(changed, actor.username());
        history.record(subject(changed), on == null ? "Brought back the trust priority" : "Retired the trust priority",
                fields("Retired on", day(before.retiredOn())), fields("Retired on", day(on)));
    }

    public SchoolPriority addSchoolPriority(long schoolId, String code, String title, String target,
            Long trustPriorityId) {
        requireSchool(schoolId);
        var priority = checkedSchoolPriority(schoolId, null, code, title, target, trustPriorityId);
        schools.insertPriority(priority, actor.username());
        SchoolPriority added = schools.selectPriorityBySchoolAndCode(schoolId, priority.code()).orElseThrow();
        history.record(subject(added), "Added the school priority", null, described(added));
        return added;
    }

    public void changeSchoolPriority(long schoolId, long priorityId, String code, String title, String target,
            Long trustPriorityId) {
        SchoolPriority before = schoolPriority(schoolId, priorityId);
        var changed = checkedSchoolPriority(schoolId, before, code, title, target, trustPriorityId);
        schools.updatePriority(changed, actor.username());
        history.record(subject(changed), "Changed the school priority", described(before), described(changed));
    }

    /** One of the school's priorities; another school's is not found, as if it did not exist. */
    @Transactional(readOnly = true)
    public SchoolPriority schoolPriority(long schoolId, long priorityId) {
        return schools.selectPriorityById(priorityId).filter(p -> p.schoolId() == schoolId)
                .orElseThrow(() -> new NotFoundException("This school has no priority " + priorityId + "."));
    }

    private School requireSchool(long schoolId) {
        return schools.selectSchoolById(schoolId)
                .orElseThrow(() -> new NotFoundException("There is no school " + schoolId + "."));
    }

    private static SchoolSummary summary(School school, StaffCount counts, ReviewCycle cycle) {
        return new SchoolSummary(school, counts == null ? 0 : counts.staffCount(),
                counts == null ? 0 : counts.withoutReviewer(), cycle);
    }

    private TrustPriority checkedTrustPriority(TrustPriority before, String code, String title, String description) {
        var problems = new InvalidInput.Problems();
        String priorityCode = priorityCode(problems, code);
        if (priorityCode != null) {
            schools.selectTrustPriorityByCode(priorityCode)
                    .filter(other -> before == null || !other.id().equals(before.id()))
                    .ifPresent(other -> problems.add("code", "The code " + priorityCode
                            + " is taken by the trust priority " + other.title() + "; choose another"));
        }
        String priorityTitle = problems.text("title", "Title", title, 300);
        String priorityDescription = problems.text("description", "Description", description, 1000);
        problems.throwIfAny();
        return new TrustPriority(before == null ? null : before.id(), priorityCode, priorityTitle,
                priorityDescription, before == null ? null : before.retiredOn());
    }

    private SchoolPriority checkedSchoolPriority(long schoolId, SchoolPriority before, String code, String title,
            String target, Long trustPriorityId) {
        var problems = new InvalidInput.Problems();
        String priorityCode = priorityCode(problems, code);
        if (priorityCode != null) {
            schools.selectPriorityBySchoolAndCode(schoolId, priorityCode)
                    .filter(other -> before == null || !other.id().equals(before.id()))
                    .ifPresent(other -> problems.add("code", "The school already has a priority " + priorityCode
                            + " (" + other.title() + "); choose another code"));
        }
        String priorityTitle = problems.text("title", "Title", title, 300);
        String priorityTarget = problems.text("wholeSchoolTarget", "Whole-school target", target, 1000);
        if (trustPriorityId != null) {
            var served = schools.selectTrustPriorityById(trustPriorityId);
            boolean keptAsItWas = before != null && trustPriorityId.equals(before.trustPriorityId());
            if (served.isEmpty()) {
                problems.add("trustPriorityId", "Choose one of the trust's priorities, or none");
            } else if (served.get().retired() && !keptAsItWas) {
                problems.add("trustPriorityId", "The trust priority " + served.get().code()
                        + " is retired; choose one the trust still pursues, or none");
            }
        }
        problems.throwIfAny();
        return new SchoolPriority(before == null ? null : before.id(), schoolId, priorityCode, priorityTitle,
                priorityTarget, trustPriorityId);
    }

    private static String priorityCode(InvalidInput.Problems problems, String code) {
        String priorityCode = problems.text("code", "Code", code, 20);
        if (priorityCode != null && !PRIORITY_CODE.matcher(priorityCode).matches()) {
            problems.add("code", "Code must be letters and digits without spaces, like W1");
            return null;
        }
        return priorityCode;
    }

    private Map<String, String> described(TrustPriority priority) {
        return AdministrationHistory.fields("Code", priority.code(), "Title", priority.title(),
                "Description", priority.description());
    }

    private Map<String, String> described(SchoolPriority priority) {
        String served = priority.trustPriorityId() == null ? null
                : schools.selectTrustPriorityById(priority.trustPriorityId())
                        .map(t -> t.code() + ": " + t.title()).orElse(null);
        return AdministrationHistory.fields("Code", priority.code(), "Title", priority.title(),
                "Whole-school target", priority.wholeSchoolTarget(), "Serves the trust priority", served);
    }

    private static Subject subject(School school) {
        return new Subject(school.id(), null, "School", school.id(), school.name());
    }

    private static Subject subject(TrustPriority priority) {
        return new Subject(null, null, "Trust priority", priority.id(), priority.code() + ": " + priority.title());
    }

    private static Subject subject(SchoolPriority priority) {
        return new Subject(priority.schoolId(), null, "School priority", priority.id(),
                priority.code() + ": " + priority.title());
    }

    private static String day(LocalDate date) {
        return date == null ? null : DAY.format(date);
    }
}
