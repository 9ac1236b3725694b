package org.reviewcycle.cycles;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;

import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.reviewcycle.process.CycleLauncher;
import org.reviewcycle.school.ReviewCycle;
import org.reviewcycle.school.SchoolService;
import org.reviewcycle.staff.StaffCategory;
import org.reviewcycle.staff.StaffMember;
import org.reviewcycle.staff.StaffService;
import org.reviewcycle.support.TestSchool;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The process keeps the dates of the reviewee's group: support staff their own, teachers theirs, and
 * a teacher who started after the objectives deadline their own objectives deadline.
 */
@SpringBootTest
class CycleDatesInReviewsTest {

    @Autowired SchoolService schools;
    @Autowired StaffService staff;
    @Autowired CycleService cycles;
    @Autowired CycleLauncher launcher;
    @Autowired TaskService tasks;

    @Test
    void eachReviewIsDueByTheDatesOfItsRevieweesGroup() {
        var school = TestSchool.create(schools, staff);
        LocalDate firstDay = LocalDate.now().minusWeeks(1);
        var starter = staff.addStaffMember(new StaffMember(null, school.school().id(), "starter." + school.school().code(),
                "Sam", "Starter", "sam@example.org", "Class teacher", StaffCategory.TEACHER_MPG, true, false,
                school.leader().id(), null, null, firstDay, null, false), "demo");
        ReviewCycle planned = school.cycle();
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated("admin",
                null, List.of(new SimpleGrantedAuthority("admins"), new SimpleGrantedAuthority("trust-admins"))));
        try {
            cycles.changeDates(school.school().id(), new ReviewCycle(planned.id(), planned.schoolId(),
                    planned.academicYear(), planned.objectivesAgreedBy(), planned.midYearCheckFrom(),
                    planned.finalReviewFrom(), planned.finalReviewDue(), null, LocalDate.of(2027, 5, 21),
                    LocalDate.of(2026, 11, 13), LocalDate.of(2027, 3, 1), LocalDate.of(2027, 6, 21),
                    LocalDate.of(2027, 7, 9), 3));
        } finally {
            SecurityContextHolder.clearContext();
        }

        launcher.launch(planned.id());

        assertThat(dueOfFirstTask(school.teacher())).isEqualTo(endOfSchoolDay(LocalDate.of(2026, 10, 31)));
        assertThat(dueOfFirstTask(school.assistant())).isEqualTo(endOfSchoolDay(LocalDate.of(2026, 11, 13)));
        assertThat(dueOfFirstTask(starter)).isEqualTo(endOfSchoolDay(firstDay.plusWeeks(3)));
    }

    private Date dueOfFirstTask(StaffMember reviewee) {
        return tasks.createTaskQuery().taskAssignee(reviewee.username()).singleResult().getDueDate();
    }

    private static Date endOfSchoolDay(LocalDate day) {
        return Date.from(day.atTime(LocalTime.of(17, 0)).atZone(ZoneId.systemDefault()).toInstant());
    }
}
