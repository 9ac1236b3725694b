package org.reviewcycle.process;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.reviewcycle.review.Review;
import org.reviewcycle.review.ReviewService;
import org.reviewcycle.review.ReviewState;
import org.reviewcycle.school.CycleState;
import org.reviewcycle.school.SchoolService;
import org.reviewcycle.staff.StaffCategory;
import org.reviewcycle.staff.StaffMember;
import org.reviewcycle.staff.StaffService;
import org.reviewcycle.support.TestSchool;
import org.reviewcycle.support.WebSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** An admin launches a school's cycle: once per person, staff without a reviewer named, joiners added later. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CycleLaunchTest {

    @LocalServerPort int port;
    @Autowired SchoolService schools;
    @Autowired StaffService staff;
    @Autowired ReviewService reviews;
    @Autowired RuntimeService runtime;
    @Autowired TaskService tasks;

    @Test
    void anAdminLaunchesACycleThroughTheApiAndLaunchingAgainDuplicatesNothing() {
        var school = TestSchool.create(schools, staff);
        String launch = "/api/cycles/" + school.cycle().id() + "/launch";
        var admin = WebSession.basic(port, "admin", "demo");

        var first = admin.postJson(launch, "");
        assertThat(first.statusCode()).isEqualTo(200);
        // the head has no reviewer (governors review the head): named, not silently skipped
        assertThat(first.body()).contains("\"started\":3", "\"alreadyRunning\":0", school.head().fullName());
        assertThat(reviews.reviewsIn(school.cycle().id())).hasSize(3)
                .allSatisfy(r -> assertThat(r.state()).isEqualTo(ReviewState.IN_PROGRESS))
                .allSatisfy(r -> assertThat(runtime.createProcessInstanceQuery()
                        .processInstanceBusinessKey(String.valueOf(r.id())).count()).isOne());
        assertThat(schools.findCycle(school.cycle().id()).orElseThrow().state()).isEqualTo(CycleState.OPEN);

        var again = admin.postJson(launch, "");
        assertThat(again.body()).contains("\"started\":0", "\"alreadyRunning\":3");
        assertThat(reviews.reviewsIn(school.cycle().id())).hasSize(3);

        var joiner = staff.addStaffMember(new StaffMember(null, school.school().id(), "joiner." + school.school().code(),
                "Jo", "Iner", "jo@example.org", "Teaching assistant", StaffCategory.TEACHING_ASSISTANT, true, false,
                school.leader().id()), "demo");
        var withJoiner = admin.postJson(launch, "");
        assertThat(withJoiner.body()).contains("\"started\":1", "\"alreadyRunning\":3");
        Review joinersReview = reviews.reviewsIn(school.cycle().id()).stream()
                .filter(r -> r.staffId().equals(joiner.id())).findFirst().orElseThrow();
        assertThat(tasks.createTaskQuery().processInstanceBusinessKey(String.valueOf(joinersReview.id()))
                .taskAssignee(joiner.username()).count()).isOne();
    }

    @Test
    void onlyAdminsMayLaunch() {
        var school = TestSchool.create(schools, staff);
        String launch = "/api/cycles/" + school.cycle().id() + "/launch";
        assertThat(WebSession.basic(port, "head", "demo").postJson(launch, "").statusCode()).isEqualTo(403);
        assertThat(WebSession.anonymous(port).postJson(launch, "").statusCode()).isIn(401, 403);
        assertThat(WebSession.loggedIn(port, "teacher.mpg", "demo").get("/cycles").statusCode()).isEqualTo(403);
        assertThat(reviews.reviewsIn(school.cycle().id())).isEmpty();
    }

    @Test
    void anUnknownCycleIsRefusedWithAMessage() {
        var response = WebSession.basic(port, "admin", "demo").postJson("/api/cycles/999999/launch", "");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("No review cycle with id 999999");
    }

    @Test
    void anAdminLaunchesFromTheCyclesPage() {
        var school = TestSchool.create(schools, staff);
        var admin = WebSession.loggedIn(port, "admin", "demo");
        var page = admin.get("/cycles");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains(school.school().name(), "2026/27", "Launch");
        var launched = admin.submitForm("/cycles/" + school.cycle().id() + "/launch", page.body());
        assertThat(launched.statusCode()).isEqualTo(200);
        assertThat(launched.body()).contains("3 reviews started now", school.head().fullName());
        assertThat(reviews.reviewsIn(school.cycle().id())).hasSize(3);
    }
}
