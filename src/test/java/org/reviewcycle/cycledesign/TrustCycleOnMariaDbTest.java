package org.reviewcycle.cycledesign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
 * The trust's default cycle and the schools' sources on MariaDB (V13, TrustCycleMapper.xml): a
 * version keeps every file whole, the newest comes first, a refused one leaves nothing, and a
 * school's row says whether it follows the trust, rewritten on each choice; a rollback keeps the
 * versions between.
 */
@MariaDbTest
class TrustCycleOnMariaDbTest {

    @Autowired TrustCycleService trust;
    @Autowired CycleDesignService design;
    @Autowired SchoolService schools;
    @Autowired StaffService staff;

    @AfterEach
    void loggedOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void aTrustVersionKeepsEveryFileAndAFollowingSchoolAdoptsIt() {
        TestSchool created = TestSchool.create(schools, staff);
        School school = created.school();
        // the school's head publishes (as far as the services know: the pages check who may)
        SecurityContextHolder.getContext().setAuthentication(
                new TestingAuthenticationToken(created.head().username(), null, "admins"));
        int before = trust.currentVersion();
        String plan = trust.files(TrustCycleService.SHIPPED_VERSION).get("ReviewPlan.dmn");
        // a long comment in the decision: the file is kept whole (mediumtext), not cut at 64 KB
        String longer = plan.replace("</definitions>", "<!-- " + "x".repeat(70_000) + " --></definitions>");

        assertThatThrownBy(() -> trust.publish("ReviewPlan.dmn", plan.replace("<decision id=\"ReviewPlan\"",
                "<decision id=\"Plan\""), "Renamed", school.id())).isInstanceOf(InvalidInput.class);
        assertThat(trust.currentVersion()).isEqualTo(before);

        int version = trust.publish("ReviewPlan.dmn", longer, "The plan, with a note", school.id());
        assertThat(version).isEqualTo(before + 1);
        assertThat(trust.currentVersion()).isEqualTo(version);
        assertThat(trust.content("ReviewPlan.dmn")).isEqualTo(longer);
        assertThat(trust.files(version).keySet()).isEqualTo(trust.files(TrustCycleService.SHIPPED_VERSION).keySet());
        assertThat(trust.versions().get(0)).extracting(TrustVersion::version, TrustVersion::publishedBy,
                TrustVersion::changedFile, TrustVersion::comment, TrustVersion::dryRunSchool)
                .containsExactly(version, created.head().fullName(), "ReviewPlan.dmn", "The plan, with a note", school.id());
        assertThat(trust.versions().get(trust.versions().size() - 1).version()).isEqualTo(1);

        assertThat(design.source(school)).isEqualTo(new CycleSource(true, 1, version));
        assertThat(design.adopt(school)).isEqualTo(2);
        assertThat(design.content(school, "ReviewPlan.dmn")).isEqualTo(longer);
        assertThat(design.source(school)).isEqualTo(new CycleSource(true, version, version));

        // its own change: the school keeps its own copy from then on
        assertThat(design.publish(school, "ReviewPlan.dmn", plan, "Our own plan")).isEqualTo(3);
        assertThat(design.source(school)).isEqualTo(new CycleSource(false, version, version));
        assertThat(design.rollBack(school, 2, "Back to the trust's plan")).isEqualTo(4);
        assertThat(design.content(school, 4, "ReviewPlan.dmn")).isEqualTo(longer);
        assertThat(design.versions(school)).extracting(CycleVersion::version).containsExactly(4, 3, 2, 1);

        // the trust's page reads every school's source at once: the same answers as one by one (a school that
        // never chose follows the trust until it publishes a change of its own)
        School untouched = TestSchool.create(schools, staff).school();
        var sources = design.sources(java.util.List.of(school, untouched));
        assertThat(sources.get(school.id())).isEqualTo(design.source(school)).isEqualTo(new CycleSource(false, version, version));
        assertThat(sources.get(untouched.id())).isEqualTo(design.source(untouched)).isEqualTo(new CycleSource(true, 1, version));
    }
}
