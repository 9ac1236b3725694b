package org.reviewcycle.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.reviewcycle.school.SchoolService;
import org.reviewcycle.staff.StaffService;
import org.reviewcycle.support.AsPerson;
import org.reviewcycle.support.TestSchool;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A school's reminder settings page: its administrator sees the settings and changes them, a mistake is named
 * beside its field with nothing saved; a plain member of staff and another school's administrator are refused
 * the page and the change.
 */
@SpringBootTest
@AutoConfigureMockMvc
class ReminderPagesTest {

    @Autowired MockMvc mvc;
    @Autowired UserDetailsService users;
    @Autowired SchoolService schools;
    @Autowired StaffService staff;
    @Autowired Reminders reminders;

    TestSchool school;
    String page;

    @BeforeEach
    void aSchoolWithItsAdministrator() {
        school = TestSchool.create(schools, staff);
        staff.setAdministrator(school.school().id(), school.head().id(), true);
        page = "/admin/schools/" + school.school().id() + "/reminders";
    }

    @Test
    void theAdministratorChangesTheRemindersAndMistakesAreNamed() throws Exception {
        var head = new AsPerson(users).as(school.head().username());
        mvc.perform(get(page).with(head)).andExpect(status().isOk())
                .andExpect(content().string(containsString("value=\"7, 1\"")))
                .andExpect(content().string(containsString("reminders 7 and 1 days before the due date, and on the day")));

        mvc.perform(post(page).with(head).with(csrf()).param("daysBefore", "10, soon").param("onDueDate", "true")
                        .param("lineManagerAfterDays", "4").param("headAfterDays", "3"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("(&#39;soon&#39; is not one)")))
                .andExpect(content().string(containsString("The head is told after the line manager")))
                .andExpect(content().string(containsString("value=\"10, soon\"")));
        assertThat(reminders.settingsOf(school.school().id())).isEqualTo(ReminderSettings.DEFAULTS);

        mvc.perform(post(page).with(head).with(csrf()).param("daysBefore", "10, 2")
                        .param("lineManagerAfterDays", "4").param("headAfterDays", "8"))
                .andExpect(redirectedUrl(page));
        assertThat(reminders.settingsOf(school.school().id()))
                .isEqualTo(new ReminderSettings(List.of(10, 2), false, 4, 8));
    }

    @Test
    void aPlainMemberOfStaffAndAnotherSchoolsAdministratorAreRefused() throws Exception {
        TestSchool other = TestSchool.create(schools, staff);
        staff.setAdministrator(other.school().id(), other.head().id(), true);
        for (String someone : new String[] {school.teacher().username(), other.head().username()}) {
            var person = new AsPerson(users).as(someone);
            mvc.perform(get(page).with(person)).andExpect(status().isForbidden());
            mvc.perform(post(page).with(person).with(csrf()).param("daysBefore", "1")
                    .param("lineManagerAfterDays", "1").param("headAfterDays", "2")).andExpect(status().isForbidden());
        }
        assertThat(reminders.settingsOf(school.school().id())).isEqualTo(ReminderSettings.DEFAULTS);
    }
}
