package org.reviewcycle.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.reviewcycle.demo.DemoSchool;
import org.reviewcycle.school.SchoolService;
import org.reviewcycle.staff.StaffService;
import org.reviewcycle.support.AsPerson;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A school's outbox page: its administrator sees the failed email with the reason and sends it again; a
 * plain member of staff and another school's administrator are refused the page and the buttons, and the
 * email stays as it was.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
class OutboxPagesTest {

    @Autowired MockMvc mvc;
    @Autowired UserDetailsService users;
    @Autowired SchoolService schools;
    @Autowired StaffService staff;
    @Autowired Outbox outbox;
    @Autowired TransactionTemplate transaction;
    @Autowired JdbcTemplate jdbc;

    long littletown;
    long failedMail;

    @BeforeEach
    void aFailedEmail() {
        littletown = schools.findSchool(DemoSchool.CODE).orElseThrow().id();
        var amy = staff.findByUsername("teacher.mpg").orElseThrow();
        transaction.executeWithoutResult(status -> outbox.write(new OutgoingMail(littletown, amy.id(), amy.email(),
                MailKind.REMINDER, null, "outbox-test", Map.of("name", "Amy", "note", "Your planning meeting"))));
        failedMail = jdbc.queryForObject("select max(id) from mail_outbox where school_id = ?", Long.class, littletown);
        jdbc.update("update mail_outbox set status = 'FAILED', attempts = 12, last_error = ? where id = ?",
                "The mail server did not take it: 550 mailbox unavailable", failedMail);
    }

    String mailStatus() {
        return jdbc.queryForObject("select status from mail_outbox where id = ?", String.class, failedMail);
    }

    @Test
    void theSchoolsAdministratorSeesTheFailedEmailWithItsReasonAndSendsItAgain() throws Exception {
        var admin = new AsPerson(users).as("admin");
        mvc.perform(get("/admin/schools/" + littletown + "/mail").with(admin)).andExpect(status().isOk())
                .andExpect(content().string(containsString("Amy Clarke")))
                .andExpect(content().string(containsString("A note for Amy")))
                .andExpect(content().string(containsString("550 mailbox unavailable")))
                .andExpect(content().string(containsString("No mail server is set up")))
                .andExpect(content().string(not(containsString("teacher.mpg<"))));

        mvc.perform(post("/admin/schools/" + littletown + "/mail/" + failedMail + "/send-again").with(admin).with(csrf()))
                .andExpect(redirectedUrl("/admin/schools/" + littletown + "/mail"));
        assertThat(mailStatus()).isEqualTo("WAITING");
        assertThat(jdbc.queryForObject("select attempts from mail_outbox where id = ?", Integer.class, failedMail)).isZero();
        assertThat(jdbc.queryForObject("select count(*) from admin_change where school_id = ? and action = ?",
                Integer.class, littletown, "Sent an email again")).isPositive();
    }

    @Test
    void aPlainMemberOfStaffIsRefusedThePageAndTheButtons() throws Exception {
        var teacher = new AsPerson(users).as("teacher.mpg");
        mvc.perform(get("/admin/schools/" + littletown + "/mail").with(teacher)).andExpect(status().isForbidden());
        mvc.perform(post("/admin/schools/" + littletown + "/mail/" + failedMail + "/send-again").with(teacher).with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(post("/admin/schools/" + littletown + "/mail/send-failed-again").with(teacher).with(csrf()))
                .andExpect(status().isForbidden());
        assertThat(mailStatus()).isEqualTo("FAILED");
    }

    @Test
    void anotherSchoolsAdministratorIsRefusedAndCannotReachTheEmailThroughTheirOwnSchool() throws Exception {
        var hillcrestAdmin = new AsPerson(users).as("hc.admin");
        long hillcrest = schools.findSchool(DemoSchool.SECOND_CODE).orElseThrow().id();
        mvc.perform(get("/admin/schools/" + littletown + "/mail").with(hillcrestAdmin)).andExpect(status().isForbidden());
        mvc.perform(post("/admin/schools/" + littletown + "/mail/" + failedMail + "/send-again").with(hillcrestAdmin)
                .with(csrf())).andExpect(status().isForbidden());
        mvc.perform(post("/admin/schools/" + hillcrest + "/mail/" + failedMail + "/send-again").with(hillcrestAdmin)
                .with(csrf())).andExpect(status().isNotFound());
        mvc.perform(get("/admin/schools/" + hillcrest + "/mail").with(hillcrestAdmin)).andExpect(status().isOk())
                .andExpect(content().string(not(containsString("A note for Amy"))));
        assertThat(mailStatus()).isEqualTo("FAILED");
    }
}
