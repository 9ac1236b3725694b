package org.reviewcycle.cycledesign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.reviewcycle.common.InvalidInput;
import org.reviewcycle.school.School;
import org.reviewcycle.school.SchoolService;
import org.reviewcycle.staff.StaffService;
import org.reviewcycle.support.MariaDbTest;
import org.reviewcycle.support.TestSchool;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Publishing on MariaDB: the deployment and its row in cycle_version (V12, PublishedVersionMapper.xml)
 * are written in one transaction, and a refused file leaves neither.
 */
@MariaDbTest
class CycleVersionsOnMariaDbTest {

    @Autowired CycleDesignService design;
    @Autowired SchoolService schools;
    @Autowired StaffService staff;

    @AfterEach
    void loggedOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void aPublishedVersionIsListedWithWhoAndWhyAndARefusedOneLeavesNothing() {
        TestSchool created = TestSchool.create(schools, staff);
        School school = created.school();
        // the school's head publishes (as far as the service knows: the pages check who may)
        SecurityContextHolder.getContext().setAuthentication(
                new TestingAuthenticationToken(created.head().username(), null, "admins"));
        String name = created.head().fullName();
        String form = design.content(school, "PlanningMeeting.form");

        assertThatThrownBy(() -> design.publish(school, "PlanningMeeting.form", form.replace("\"id\": \"PlanningMeeting\"",
                "\"id\": \"Planning\""), "Renamed")).isInstanceOf(InvalidInput.class);
        assertThat(design.versions(school)).extracting(CycleVersion::version).containsExactly(1);

        assertThat(design.publish(school, "PlanningMeeting.form", form, "The same form, published again")).isEqualTo(2);
        assertThat(design.publish(school, "ReviewPlan.dmn", design.content(school, "ReviewPlan.dmn"), "And the plan"))
                .isEqualTo(3);

        assertThat(design.versions(school)).extracting(CycleVersion::version, CycleVersion::publishedBy,
                CycleVersion::changedFile, CycleVersion::comment, CycleVersion::current).containsExactly(
                        tuple(3, name, "ReviewPlan.dmn", "And the plan", true),
                        tuple(2, name, "PlanningMeeting.form",
                                "The same form, published again", false),
                        tuple(1, null, null, null, false));
        assertThat(design.versions(school)).allSatisfy(v -> assertThat(v.deployedAt()).isNotNull());
    }
}
