package org.reviewcycle.departure;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import java.util.zip.ZipInputStream;

import org.junit.jupiter.api.Test;
import org.reviewcycle.process.CycleLauncher;
import org.reviewcycle.review.ReviewService;
import org.reviewcycle.school.School;
import org.reviewcycle.school.SchoolService;
import org.reviewcycle.staff.StaffService;
import org.reviewcycle.support.TestSchool;
import org.reviewcycle.support.WebSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.test.context.support.WithMockUser;

/** The leave page over HTTP: the trust admin downloads and is asked to confirm; anyone else is refused. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SchoolDeparturePageTest {

    @LocalServerPort int port;
    @Autowired SchoolService schools;
    @Autowired StaffService staff;
    @Autowired ReviewService reviews;
    @Autowired CycleLauncher launcher;
    @Autowired SchoolDeparture departure;

    @Test
    void theTrustAdminDownloadsTheSchoolsRecordsAsAZip() {
        TestSchool school = TestSchool.create(schools, staff);
        var admin = WebSession.loggedIn(port, "admin", "demo");

        var page = admin.get("/admin/schools/" + school.school().id() + "/leave");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains(school.school().name() + " leaves the trust", "staff.csv");

        var zip = admin.get("/admin/schools/" + school.school().id() + "/leave/export");
        assertThat(zip.statusCode()).isEqualTo(200);
        assertThat(zip.headers().firstValue("Content-Type")).contains("application/zip");
        assertThat(zip.headers().firstValue("Content-Disposition").orElseThrow())
                .startsWith("attachment").contains(school.school().code() + "-");
        assertThat(zip.body()).startsWith("PK");
    }

    @Test
    @WithMockUser(username = "admin", authorities = {"admins", "trust-admins"})
    void theExportReadsEveryTableOnH2() throws IOException {
        TestSchool school = TestSchool.create(schools, staff);
        launcher.launch(school.cycle().id());
        var out = new ByteArrayOutputStream();

        departure.export(school.school().id(), out);

        var names = new java.util.ArrayList<String>();
        String staffCsv = null;
        try (var zip = new ZipInputStream(new ByteArrayInputStream(out.toByteArray()), StandardCharsets.UTF_8)) {
            for (var entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                names.add(entry.getName());
                byte[] content = zip.readAllBytes();
                if (entry.getName().equals("staff.csv")) {
                    staffCsv = new String(content, StandardCharsets.UTF_8);
                }
            }
        }
        assertThat(names).hasSize(1 + SchoolTable.values().length + 3).contains("admin-history.csv");
        assertThat(staffCsv).contains(school.teacher().email(), school.head().email());
    }

    @Test
    void aWrongNameIsShownBesideTheFieldAndNothingIsDeleted() {
        TestSchool school = TestSchool.create(schools, staff);
        launcher.launch(school.cycle().id());
        var admin = WebSession.loggedIn(port, "admin", "demo");
        String path = "/admin/schools/" + school.school().id() + "/leave";

        var answer = admin.submitForm(path + "?confirmName=" + encode("Littletown Primary"), admin.get(path).body());

        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(answer.body()).contains("The school was not deleted", "value=\"Littletown Primary\"",
                "Type the school&#39;s name, " + school.school().name());
        assertThat(schools.findSchool(school.school().id())).isPresent();
        assertThat(reviews.runningReviewsOf(school.teacher().id())).hasSize(1);
    }

    @Test
    void aSchoolAdminEvenOfThatSchoolAnotherSchoolsAdminAndStaffAreRefusedAndNothingChanges() {
        School hillcrest = schools.findSchool("hillcrest").orElseThrow();
        School littletown = schools.findSchool("littletown").orElseThrow();
        var hcAdmin = WebSession.loggedIn(port, "hc.admin", "demo");
        var teacher = WebSession.loggedIn(port, "teacher.mpg", "demo");

        for (School school : java.util.List.of(hillcrest, littletown)) {
            String path = "/admin/schools/" + school.id() + "/leave";
            var refused = hcAdmin.get(path);
            assertThat(refused.statusCode()).isEqualTo(403);
            assertThat(hcAdmin.get(path + "/export").statusCode()).isEqualTo(403);
            // with the right name and a valid form token, from the refusal page's own log-out form
            assertThat(hcAdmin.submitForm(path + "?confirmName=" + encode(school.name()), refused.body())
                    .statusCode()).isEqualTo(403);
            assertThat(teacher.get(path).statusCode()).isEqualTo(403);
            assertThat(teacher.get(path + "/export").statusCode()).isEqualTo(403);
        }
        assertThat(schools.findSchool(hillcrest.id())).isPresent();
        assertThat(staff.findByUsername("hc.teacher")).isPresent();
        assertThat(schools.findSchool(littletown.id())).isPresent();
    }

    @Test
    void aTrustAdminCannotDeleteTheSchoolTheyWorkAt() {
        School littletown = schools.findSchool("littletown").orElseThrow();
        var admin = WebSession.loggedIn(port, "admin", "demo");
        String path = "/admin/schools/" + littletown.id() + "/leave";

        var answer = admin.submitForm(path + "?confirmName=" + encode(littletown.name()), admin.get(path).body());

        assertThat(answer.statusCode()).isEqualTo(409);
        assertThat(answer.body()).contains("You work at Littletown Primary");
        assertThat(staff.findByUsername("teacher.mpg")).isPresent();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
