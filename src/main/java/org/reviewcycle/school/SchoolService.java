package org.reviewcycle.school;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import static org.reviewcycle.common.Checks.requireText;

import org.reviewcycle.common.CurrentActor;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The entry point for schools, their improvement priorities and their review cycles. */
@Service
@Transactional
public class SchoolService {

    private static final Pattern SCHOOL_CODE = Pattern.compile("[a-z0-9][a-z0-9-]{0,39}");
    private static final Pattern ACADEMIC_YEAR = Pattern.compile("(\\d{4})/(\\d{2})");

    private final SchoolMapper schools;
    private final CurrentActor actor;
    private final ApplicationEventPublisher events;

    SchoolService(SchoolMapper schools, CurrentActor actor, ApplicationEventPublisher events) {
        this.schools = schools;
        this.actor = actor;
        this.events = events;
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

    /** Plans a cycle; the milestone dates must fall in order inside the academic year they name. */
    public ReviewCycle planCycle(ReviewCycle cycle) {
        var year = cycle.academicYear() == null ? null : ACADEMIC_YEAR.matcher(cycle.academicYear());
        if (year == null || !year.matches()
                || Integer.parseInt(year.group(2)) != (Integer.parseInt(year.group(1)) + 1) % 100) {
            throw new IllegalArgumentException("Academic year '" + cycle.academicYear()
                    + "' must be written like 2026/27");
        }
        if (cycle.objectivesAgreedBy() == null || cycle.midYearCheckFrom() == null
                || cycle.finalReviewFrom() == null || cycle.finalReviewDue() == null) {
            throw new IllegalArgumentException("A cycle needs all four milestone dates: objectives agreed by, "
                    + "mid-year check from, final review from, final review due");
        }
        if (!cycle.objectivesAgreedBy().isBefore(cycle.midYearCheckFrom())
                || !cycle.midYearCheckFrom().isBefore(cycle.finalReviewFrom())
                || cycle.finalReviewDue().isBefore(cycle.finalReviewFrom())) {
            throw new IllegalArgumentException("Milestone dates must come in order: objectives agreed by "
                    + cycle.objectivesAgreedBy() + ", mid-year check from " + cycle.midYearCheckFrom()
                    + ", final review from " + cycle.finalReviewFrom() + ", final review due " + cycle.finalReviewDue());
        }
        var planned = new ReviewCycle(null, cycle.schoolId(), cycle.academicYear(), cycle.objectivesAgreedBy(),
                cycle.midYearCheckFrom(), cycle.finalReviewFrom(), cycle.finalReviewDue(), CycleState.PLANNED);
        schools.insertCycle(planned, actor.username());
        return schools.selectCycleBySchoolAndYear(cycle.schoolId(), cycle.academicYear()).orElseThrow();
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
}
