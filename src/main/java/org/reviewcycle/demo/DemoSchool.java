package org.reviewcycle.demo;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

import org.reviewcycle.school.ReviewCycle;
import org.reviewcycle.school.School;
import org.reviewcycle.school.SchoolService;
import org.reviewcycle.staff.StaffCategory;
import org.reviewcycle.staff.StaffMember;
import org.reviewcycle.staff.StaffService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creates Littletown Primary, a two-form entry primary with a nursery, from seed 002: its staff
 * from the deputy head to the kitchen manager, teams with leaders, a reviewer for everyone but the
 * head, the school priority on writing with its whole-school target, and the 2026/27 cycle.
 * Runs once: a database that has the school already is left as it is.
 */
@Component
@ConditionalOnProperty(name = "reviewcycle.demo.enabled", havingValue = "true")
public class DemoSchool {

    public static final String CODE = "littletown";
    public static final String PASSWORD = "demo";
    public static final String ACADEMIC_YEAR = "2026/27";

    private static final Logger log = LoggerFactory.getLogger(DemoSchool.class);

    private final SchoolService schools;
    private final StaffService staff;

    DemoSchool(SchoolService schools, StaffService staff) {
        this.schools = schools;
        this.staff = staff;
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
        add(people, school, "admin", "Sam", "Patel", "School business manager (runs ReviewCycle)",
                StaffCategory.OTHER_SUPPORT_STAFF, true);

        team(people, school, "slt", "Senior leadership team", "head", "deputy", "literacy.lead", "admin");
        team(people, school, "teaching", "Teaching team", "deputy", "teacher.ups", "teacher.mpg", "ey.teacher");
        team(people, school, "learning-support", "Literacy and learning support", "literacy.lead",
                "hlta", "ta", "mentor");
        team(people, school, "office-kitchen", "Office and kitchen", "admin", "office", "kitchen");

        reviewer(people, "head", "deputy", "literacy.lead", "admin");
        reviewer(people, "deputy", "teacher.ups", "teacher.mpg", "ey.teacher");
        reviewer(people, "literacy.lead", "hlta", "ta", "mentor");
        reviewer(people, "admin", "office", "kitchen");

        schools.addPriority(school.id(), "W1",
                "Raise standards and progress in writing, especially the numbers of level 3 (KS1) "
                        + "and level 5 (KS2) writers",
                "All pupils make at least expected progress towards their targets in writing by July "
                        + "(usually 2 sub-levels)");
        schools.planCycle(new ReviewCycle(null, school.id(), ACADEMIC_YEAR, LocalDate.of(2026, 10, 31),
                LocalDate.of(2027, 2, 1), LocalDate.of(2027, 6, 14), LocalDate.of(2027, 7, 16), null));
        log.info("Created the demo school {} with {} staff; every password is '{}'", school.name(), people.size(),
                PASSWORD);
        return true;
    }

    private void add(Map<String, StaffMember> people, School school, String username, String firstName,
            String lastName, String jobTitle, StaffCategory category, boolean administrator) {
        var member = new StaffMember(null, school.id(), username, firstName, lastName,
                username + "@littletown.example.org", jobTitle, category, true, administrator, null);
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
