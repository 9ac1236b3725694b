package org.reviewcycle.school;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import static org.reviewcycle.common.Checks.requireText;

import org.reviewcycle.common.CurrentActor;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The entry point for schools, their improvement priorities and their review cycles. */
@Service
@Transactional
public class SchoolService {

    private static final Pattern SCHOOL_CODE = Pattern.compile("[a-z0-9][a-z0-9-]{0,39}");

    private final SchoolMapper schools;
    private final CurrentActor actor;

    SchoolService(SchoolMapper schools, CurrentActor actor) {
        this.schools = schools;
        this.actor = actor;
    }

    public School createSchool(String code, String name) {
        if (code == null || !SCHOOL_CODE.matcher(code).matches()) {
            throw new IllegalArgumentException("School code '" + code
                    + "' must be 1 to 40 lower-case letters, digits or hyphens (it names the school's groups)");
        }
        schools.insertSchool(code, requireText("School name", name, 200), actor.username());
        return schools.selectSchoolByCode(code).orElseThrow();
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
            throw new CycleDatesRefused(Map.of("academicYear",
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
}
