package org.reviewcycle.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.reviewcycle.school.SchoolService;
import org.reviewcycle.staff.StaffService;
import org.reviewcycle.support.TestSchool;
import org.reviewcycle.support.WebSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.test.context.support.WithMockUser;

/** A closed school's staff can no longer log in; its records stay, and a trust admin still can. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ClosedSchoolLoginTest {

    @LocalServerPort int port;
    @Autowired SchoolService schools;
    @Autowired StaffService staff;

    @Test
    @WithMockUser(username = "admin", authorities = {"admins", "trust-admins"})
    void theStaffOfASchoolClosedTodayAreRefusedAtLoginAndCanLogInAgainWhenItReopens() {
        var school = TestSchool.create(schools, staff);
        assertThat(loginRefused(school.teacher().username())).isFalse();

        schools.closeSchool(school.school().id(), LocalDate.now(), LocalDate.now());

        assertThat(loginRefused(school.teacher().username())).isTrue();
        assertThat(loginRefused(school.head().username())).isTrue();
        assertThat(staff.find(school.teacher().id())).isPresent();
        assertThat(loginRefused("admin")).isFalse();

        schools.reopenSchool(school.school().id());
        assertThat(loginRefused(school.teacher().username())).isFalse();
    }

    private boolean loginRefused(String username) {
        var response = WebSession.anonymous(port).submitLogin(username, "demo");
        return response.headers().firstValue("Location").orElse("").contains("error");
    }
}
