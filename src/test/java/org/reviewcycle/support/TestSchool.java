package org.reviewcycle.support;

import java.time.LocalDate;
import java.util.UUID;

import org.reviewcycle.school.ReviewCycle;
import org.reviewcycle.school.School;
import org.reviewcycle.school.SchoolPriority;
import org.reviewcycle.school.SchoolService;
import org.reviewcycle.staff.StaffCategory;
import org.reviewcycle.staff.StaffMember;
import org.reviewcycle.staff.StaffService;
import org.reviewcycle.staff.Team;

/**
 * A small school of its own for one test, so tests sharing a database never see each other's
 * work: a head, a team leader (deputy), a teacher on the main pay range and a teaching assistant,
 * one team, two priorities and a cycle. Every password is "demo".
 */
public record TestSchool(School school, StaffMember head, StaffMember leader, StaffMember teacher,
        StaffMember assistant, Team team, SchoolPriority writing, SchoolPriority maths, ReviewCycle cycle) {

    public static TestSchool create(SchoolService schools, StaffService staff) {
        String code = "t" + UUID.randomUUID().toString().substring(0, 8);
        School school = schools.createSchool(code, "Test Primary " + code);
        StaffMember head = person(staff, school, code, "head", StaffCategory.HEADTEACHER, null);
        StaffMember leader = person(staff, school, code, "deputy", StaffCategory.DEPUTY_HEAD, head.id());
        StaffMember teacher = person(staff, school, code, "teacher", StaffCategory.TEACHER_MPG, leader.id());
        StaffMember assistant = person(staff, school, code, "ta", StaffCategory.TEACHING_ASSISTANT, leader.id());
        Team team = staff.createTeam(school.id(), "ks2", "Key stage 2 team", leader.id());
        staff.addTeamMember(team.id(), teacher.id());
        staff.addTeamMember(team.id(), assistant.id());
        SchoolPriority writing = schools.addPriority(school.id(), "W1", "Raise standards in writing",
                "All pupils make at least expected progress in writing by July");
        SchoolPriority maths = schools.addPriority(school.id(), "M1", "Improve reasoning in mathematics",
                "Most pupils explain their reasoning in every maths lesson");
        ReviewCycle cycle = schools.planCycle(new ReviewCycle(null, school.id(), "2026/27", LocalDate.of(2026, 10, 31),
                LocalDate.of(2027, 2, 1), LocalDate.of(2027, 6, 14), LocalDate.of(2027, 7, 16), null));
        return new TestSchool(school, head, leader, teacher, assistant, team, writing, maths, cycle);
    }

    private static StaffMember person(StaffService staff, School school, String code, String role,
            StaffCategory category, Long reviewerId) {
        String username = role + "." + code;
        return staff.addStaffMember(new StaffMember(null, school.id(), username, capitalised(role), "Of " + code,
                username + "@example.org", category.label(), category, true, false, reviewerId), "demo");
    }

    private static String capitalised(String word) {
        return Character.toUpperCase(word.charAt(0)) + word.substring(1);
    }

    public String headGroup() {
        return "heads-" + school.code();
    }
}
