package org.reviewcycle.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.reviewcycle.school.SchoolService;
import org.reviewcycle.staff.StaffService;
import org.reviewcycle.support.AsPerson;
import org.reviewcycle.support.TestSchool;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/**
 * "My email": each member of staff sees their address and chooses one email a day or one per step, for
 * themselves only; anything but the two choices is refused with a sentence, nothing saved; a governor, who
 * has no steps, and someone not logged in are refused.
 */
@SpringBootTest
@AutoConfigureMockMvc
class MailPreferencePagesTest {

    @Autowired MockMvc mvc;
    @Autowired UserDetailsService users;
    @Autowired SchoolService schools;
    @Autowired StaffService staff;
    @Autowired MailPreferences preferences;

    TestSchool school;

    @BeforeEach
    void aSchool() {
        school = TestSchool.create(schools, staff);
    }

    @Test
    void aTeacherChoosesOneEmailADayAndBackForThemselvesOnly() throws Exception {
        var teacher = new AsPerson(users).as(school.teacher().username());
        mvc.perform(get("/me/mail").with(teacher)).andExpect(status().isOk())
                .andExpect(content().string(containsString(school.teacher().email())))
                .andExpect(content().string(containsString("value=\"each-step\" checked")));

        mvc.perform(post("/me/mail").param("choice", "daily").with(teacher).with(csrf()))
                .andExpect(redirectedUrl("/me/mail"));
        assertThat(preferences.wantsDailyDigest(school.teacher().id())).isTrue();
        assertThat(preferences.wantsDailyDigest(school.leader().id())).isFalse();
        mvc.perform(get("/me/mail").with(teacher))
                .andExpect(content().string(containsString("value=\"daily\" checked")));

        mvc.perform(post("/me/mail").param("choice", "each-step").with(teacher).with(csrf()))
                .andExpect(redirectedUrl("/me/mail"));
        assertThat(preferences.wantsDailyDigest(school.teacher().id())).isFalse();
    }

    @Test
    void anythingButTheTwoChoicesIsRefusedAndNothingSaved() throws Exception {
        var teacher = new AsPerson(users).as(school.teacher().username());
        mvc.perform(post("/me/mail").param("choice", "hourly").with(teacher).with(csrf()))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Choose an email for each step, or one email a day.")));
        mvc.perform(post("/me/mail").with(teacher).with(csrf())).andExpect(status().isBadRequest());
        assertThat(preferences.wantsDailyDigest(school.teacher().id())).isFalse();
    }

    @Test
    void withoutCsrfOrLoginNothingChanges() throws Exception {
        var teacher = new AsPerson(users).as(school.teacher().username());
        mvc.perform(post("/me/mail").param("choice", "daily").with(teacher)).andExpect(status().isForbidden());
        mvc.perform(get("/me/mail").accept(MediaType.TEXT_HTML)).andExpect(redirectedUrlPattern("**/login"));
        assertThat(preferences.wantsDailyDigest(school.teacher().id())).isFalse();
    }
}
