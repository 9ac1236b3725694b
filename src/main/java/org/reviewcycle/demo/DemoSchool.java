package org.reviewcycle.demo;

import java.time.Clock;
import java.time.LocalDate;
import java.time.Month;
import java.util.HashMap;
import java.util.Map;

import org.reviewcycle.reporting.GovernorService;
import org.reviewcycle.school.ReviewCycle;
import org.reviewcycle.school.School;
import org.reviewcycle.school.SchoolService;
import org.reviewcycle.school.TrustPriority;
import org.reviewcycle.staff.StaffCategory;
import org.reviewcycle.staff.StaffMember;
import org.reviewcycle.staff.StaffService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creates Littletown Primary, a two-form entry primary with a nursery, from seed 002: its staff
 * from the deputy head to the kitchen manager, teams with leaders, a reviewer for everyone but the
 * head, the school priority on writing with its whole-school target (serving the trust priority T1,
 * as Hillcrest's on mathematics does), and the cycle of the academic
 * year that contains today, so that the demo has current work whenever it is first started. Runs
 * once: a database that has the school already is left as it is. The dates come from the
 * application's {@link Clock} when it has one (a test can start the demo in another year), else
 * from the system clock.
 */
@Component
@ConditionalOnProperty(name = "reviewcycle.demo.enabled", havingValue = "true")
public class DemoSchool {

    public static final String CODE = "littletown";
    /** The trust's second school, with its own admin, so that the separation of schools can be tried by hand. */
    public static final String SECOND_CODE = "hillcrest";
    public static final String PASSWORD = "demo";
    /** Littletown's governor, who reads its dashboard in aggregate; governors' passwords are 10 characters or more. */
    public static final String GOVERNOR = "governor";
    public static final String GOVERNOR_PASSWORD = "demo-governor";

    private static final Logger log = LoggerFactory.getLogger(DemoSchool.class);

    private final SchoolService schools;
    private final StaffService staff;
    private final GovernorService governors;
    private final Clock clock;

    DemoSchool(SchoolService schools, StaffService staff, GovernorService governors, ObjectProvider<Clock> clock) {
        this.schools = schools;
        this.staff = staff;
        this.governors = governors;
        this.clock = clock.getIfAvailable(Clock::systemDefaultZone);
    }

    /** The demo's academic year, such as 2026/27: the one that contains today. */
    public String academicYear() {
        return cycleContaining(LocalDate.now(clock), null).academicYear();
    }

    /**
     * Littletown's cycle for the academic year (1 September to 31 August) that contains {@code day}:
     * objectives agreed by 31 October, the mid-year check from 1 February, the final review from
     * 14 June, due by 16 July, before the summer holiday.
     */
    static ReviewCycle cycleContaining(LocalDate day, Long schoolId) {
        int autumn = day.getMonthValue() >= Month.SEPTEMBER.getValue() ? day.getYear() : day.getYear() - 1;
        String year = autumn + "/" + String.format("%02d", (autumn + 1) % 100);
        return new ReviewCycle(null, schoolId, year, LocalDate.of(autumn, Month.OCTOBER, 31),
                LocalDate.of(autumn + 1, Month.FEBRUARY, 1), LocalDate.of(autumn + 1, Month.JUNE, 14),
                LocalDate.of(autumn + 1, Month.JULY, 16), null);
    }

    /** Creates the school unless it exists; true when it was created now. */
    @Transactional
    public boolean createIfMissing() {
        if (schools.findSchool(CODE).isPresent()) {
            return false;
        }
        School school = schools.createSchool(CODE, "Littletown Primary");
        Map<String, StaffMember> people = new HashMap<>();
        add(people, school, "head", "Helen", "Ashworth", "Headteacher", StaffCategory.HEADTEACHER, false);
        add(people, school, "deputy", "David", "Okafor", "Deputy headteacher", StaffCategory.DEPUTY_HEAD, false);
        add(people, school, "literacy.lead", "Priya", "Sharma", "Subject leader for literacy (TLR)",
                StaffCategory.TEACHER_TLR, false);
        add(people, school, "teacher.ups", "Tom", "Bradley", "Class teacher, Years 2 and 6 (UPS 2)",
                StaffCategory.TEACHER_UPS2, false);
        add(people, school, "teacher.mpg", "Amy", "Clarke", "Class teacher, Year 4 (main pay range)",
                StaffCategory.TEACHER_MPG, false);
        add(people, school, "ey.teacher", "Grace", "Whitfield", "Early years teacher, Nursery and Reception",
                StaffCategory.EARLY_YEARS_TEACHER, false);
        add(people, school, "hlta", "Joanne", "Price", "Higher level teaching assistant (KS1)",
                StaffCategory.HLTA, false);
        add(people, school, "ta", "Mark", "Ellis", "Teaching assistant", StaffCategory.TEACHING_ASSISTANT, false);
        add(people, school, "mentor", "Fatima", "Begum", "Learning mentor", StaffCategory.LEARNING_MENTOR, false);
        add(people, school, "office", "Linda", "Hughes", "School administrator", StaffCategory.ADMINISTRATOR, false);
        add(people, school, "kitchen", "Carol", "Dawson", "Kitchen manager", StaffCategory.KITCHEN_MANAGER, false);
        // the trust's administrator, who also runs ReviewCycle for Littletown
        people.put("admin", staff.addStaffMember(new StaffMember(null, school.id(), "admin", "Sam", "Patel",
                "admin@littletown.example.org", "School business manager (runs ReviewCycle for the trust)",
                StaffCategory.OTHER_SUPPORT_STAFF, true, true, null, null, null, null, null, true), PASSWORD));

        team(people, school, "slt", "Senior leadership team", "head", "deputy", "literacy.lead", "admin");
        team(people, school, "teaching", "Teaching team", "deputy", "teacher.ups", "teacher.mpg", "ey.teacher");
        team(people, school, "learning-support", "Literacy and learning support", "literacy.lead",
                "hlta", "ta", "mentor");
        team(people, school, "office-kitchen", "Office and kitchen", "admin", "office", "kitchen");

        reviewer(people, "head", "deputy", "literacy.lead", "admin");
        reviewer(people, "deputy", "teacher.ups", "teacher.mpg", "ey.teacher");
        reviewer(people, "literacy.lead", "hlta", "ta", "mentor");
        reviewer(people, "admin", "office", "kitchen");

        // in the words of assessment since 2014: the expected standard and greater depth in teacher
        // assessment at the end of key stages 1 and 2, progress from each pupil's starting point
        // the trust's own priority, which both schools' priorities serve
        TrustPriority trustPriority = schools.addTrustPriority("T1",
                "Raise attainment at the end of key stage 2 in every school of the trust",
                "More pupils in every school reach the expected standard in reading, writing and mathematics "
                        + "at the end of key stage 2, and the gap between our schools narrows");
        schools.addSchoolPriority(school.id(), "W1",
                "Raise standards and progress in writing, especially the share of pupils working at the "
                        + "expected standard and at greater depth at the end of key stages 1 and 2",
                "All pupils make at least expected progress in writing from their starting points by July, "
                        + "and more of them reach the expected standard for their age", trustPriority.id());
        ReviewCycle cycle = schools.planCycle(cycleContaining(LocalDate.now(clock), school.id()));
        governors.addGovernor(school.id(), "Margaret", "Hale", "margaret.hale@littletown.example.org", GOVERNOR,
                GOVERNOR_PASSWORD);
        log.info("Created the demo school {} with {} staff and its {} cycle; every password is '{}'", school.name(),
                people.size(), cycle.academicYear(), PASSWORD);
        createSecondSchool(trustPriority);
        return true;
    }

    /**
     * Hillcrest Primary, a one-form entry primary in the same trust: a head, its own school admin
     * (who administers Hillcrest only), a teacher and a teaching assistant, and its own cycle.
     */
    private void createSecondSchool(TrustPriority trustPriority) {
        School school = schools.createSchool(SECOND_CODE, "Hillcrest Primary");
        Map<String, StaffMember> people = new HashMap<>();
        add(people, school, "hc.head", "Nadia", "Hussain", "Headteacher", StaffCategory.HEADTEACHER, false);
        add(people, school, "hc.admin", "Owen", "Roberts", "School business manager (runs ReviewCycle for Hillcrest)",
                StaffCategory.OTHER_SUPPORT_STAFF, true);
        add(people, school, "hc.teacher", "Ben", "Carter", "Class teacher, Year 3 (main pay range)",
                StaffCategory.TEACHER_MPG, false);
        add(people, school, "hc.ta", "Sophie", "Lee", "Teaching assistant", StaffCategory.TEACHING_ASSISTANT, false);
        team(people, school, "staff", "Hillcrest staff", "hc.head", "hc.admin", "hc.teacher", "hc.ta");
        reviewer(people, "hc.head", "hc.admin", "hc.teacher");
        reviewer(people, "hc.teacher", "hc.ta");
        schools.addSchoolPriority(school.id(), "M1",
                "Improve fluency and reasoning in mathematics across key stage 2",
                "More pupils reach the expected standard in mathematics at the end of key stage 2 than last year",
                trustPriority.id());
        schools.planCycle(cycleContaining(LocalDate.now(clock), school.id()));
        log.info("Created the trust's second demo school {} with {} staff", school.name(), people.size());
    }

    private void add(Map<String, StaffMember> people, School school, String username, String firstName,
            String lastName, String jobTitle, StaffCategory category, boolean administrator) {
        var member = new StaffMember(null, school.id(), username, firstName, lastName,
                username + "@" + school.code() + ".example.org", jobTitle, category, true, administrator, null);
        people.put(username, staff.addStaffMember(member, PASSWORD));
    }

    private void team(Map<String, StaffMember> people, School school, String code, String name, String leader,
            String... members) {
        var team = staff.createTeam(school.id(), code, name, people.get(leader).id());
        for (String member : members) {
            staff.addTeamMember(team.id(), people.get(member).id());
        }
    }

    private void reviewer(Map<String, StaffMember> people, String reviewer, String... reviewees) {
        for (String reviewee : reviewees) {
            staff.assignReviewer(people.get(reviewee).id(), people.get(reviewer).id());
        }
    }
}
