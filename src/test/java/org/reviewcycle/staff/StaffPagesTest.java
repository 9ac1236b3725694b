package org.reviewcycle.staff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.reviewcycle.demo.DemoSchool;
import org.reviewcycle.school.School;
import org.reviewcycle.school.SchoolService;
import org.reviewcycle.support.TestSchool;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The staff pages, the import pages and the import's JSON endpoint over HTTP, as each kind of
 * person meets them: the trust admin does the work; a plain member of staff (teacher.mpg) and
 * another school's admin (hc.admin on Littletown) are refused everything, and nothing changes.
 */
@SpringBootTest
@AutoConfigureMockMvc
@RecordApplicationEvents
class StaffPagesTest {

    @Autowired MockMvc mvc;
    @Autowired UserDetailsService logins;
    @Autowired SchoolService schools;
    @Autowired StaffService staff;
    @Autowired JdbcTemplate jdbc;
    @Autowired PasswordEncoder passwords;
    @Autowired ApplicationEvents events;

    RequestPostProcessor as(String username) {
        return user(logins.loadUserByUsername(username));
    }

    @Test
    void aPlainMemberOfStaffAndAnotherSchoolsAdminAreRefusedEveryPageAndEndpointAndNothingChanges() throws Exception {
        School littletown = schools.findSchool(DemoSchool.CODE).orElseThrow();
        StaffMember deputy = staff.findByUsername("deputy").orElseThrow();
        String base = "/admin/schools/" + littletown.id();
        long upload = staff.uploadStaffFile(littletown.id(), "sims.csv", StaffFileTest.misFile("sims-staff.csv"));
        String snapshot = snapshotOf(littletown.id());
        List<MockHttpServletRequestBuilder> requests = List.of(
                get(base + "/staff"), get(base + "/staff/new"), get(base + "/staff/" + deputy.id()),
                post(base + "/staff/new").param("firstName", "Eve").param("lastName", "Intruder")
                        .param("email", "eve@example.org").param("jobTitle", "Teacher").param("category", "TEACHER_MPG"),
                post(base + "/staff/" + deputy.id()).param("firstName", "Changed").param("lastName", "Okafor")
                        .param("email", "d@example.org").param("jobTitle", "Deputy").param("category", "DEPUTY_HEAD"),
                post(base + "/staff/" + deputy.id() + "/leaver").param("leftOn", "2026-01-01"),
                post(base + "/staff/" + deputy.id() + "/password").param("password", "a-new-password-1"),
                get(base + "/import"),
                multipart(base + "/import").file(new MockMultipartFile("file", "sims.csv", "text/csv",
                        StaffFileTest.misFile("sims-staff.csv"))),
                get(base + "/import/" + upload),
                post(base + "/import/" + upload + "/preview").param("column.STAFF_NUMBER", "Staff Code"),
                post(base + "/import/" + upload + "/confirm"));
        for (String person : List.of("teacher.mpg", "hc.admin")) {
            for (var request : requests) {
                mvc.perform(request.with(as(person)).with(csrf())).andExpect(status().isForbidden());
            }
            mvc.perform(post("/api/schools/" + littletown.id() + "/staff/import").with(httpBasic(person, "demo"))
                    .contentType(MediaType.APPLICATION_JSON)
                    .content("{\"dryRun\": false, \"rows\": [" + ROW_T1 + "]}")).andExpect(status().isForbidden());
        }
        assertThat(snapshotOf(littletown.id())).isEqualTo(snapshot);
    }

    @Test
    void theStaffPageSearchesAndFilters() throws Exception {
        var test = TestSchool.create(schools, staff);
        String base = "/admin/schools/" + test.school().id() + "/staff";

        mvc.perform(get(base).with(as("admin"))).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("4 people")));
        mvc.perform(get(base).param("q", "deputy").with(as("admin")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("1 person")));
        mvc.perform(get(base).param("category", "TEACHING_ASSISTANT").with(as("admin")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString(test.assistant().fullName())))
                .andExpect(content().string(org.hamcrest.Matchers.not(
                        org.hamcrest.Matchers.containsString(test.teacher().fullName()))));
        mvc.perform(get(base).param("noReviewer", "true").with(as("admin")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("1 person")));
        mvc.perform(get(base).param("reviewer", test.leader().id().toString()).with(as("admin")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("2 people")));
        mvc.perform(get(base).param("team", test.team().id().toString()).with(as("admin")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("3 people")));
    }

    @Test
    void addingShowsEachMistakeBesideItsFieldAndKeepsWhatWasTyped() throws Exception {
        var test = TestSchool.create(schools, staff);
        String base = "/admin/schools/" + test.school().id() + "/staff";
        int before = staff.staffOf(test.school().id()).size();

        mvc.perform(post(base + "/new").with(as("admin")).with(csrf()).param("firstName", "")
                        .param("lastName", "Quinn").param("email", "not-an-email").param("jobTitle", "Class teacher")
                        .param("category", ""))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Enter the first name")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Enter an email address like")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Choose a category")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("value=\"not-an-email\"")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("value=\"Quinn\"")));
        assertThat(staff.staffOf(test.school().id())).hasSize(before);
    }

    @Test
    void aNewMemberOfStaffCannotLogInUntilGivenAPassword() throws Exception {
        var test = TestSchool.create(schools, staff);
        String base = "/admin/schools/" + test.school().id() + "/staff";

        mvc.perform(post(base + "/new").with(as("admin")).with(csrf()).param("firstName", "Rosa")
                        .param("lastName", "Quinn").param("email", "rosa.quinn." + test.school().code() + "@example.org")
                        .param("jobTitle", "Class teacher").param("category", "TEACHER_MPG")
                        .param("reviewerId", test.leader().id().toString()).param("startedOn", "2026-09-01"))
                .andExpect(status().is3xxRedirection());
        StaffMember rosa = staff.findByUsername("rosa.quinn." + test.school().code()).orElseThrow();
        assertThat(rosa.reviewerId()).isEqualTo(test.leader().id());
        assertThat(rosa.startedOn()).isEqualTo(LocalDate.of(2026, 9, 1));
        assertThat(staff.hasPassword(rosa.id())).isFalse();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> logins.loadUserByUsername(rosa.username()))
                .isInstanceOf(org.springframework.security.core.userdetails.UsernameNotFoundException.class);

        mvc.perform(post(base + "/" + rosa.id() + "/password").with(as("admin")).with(csrf()).param("password", "short"))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("at least 10 characters")));
        mvc.perform(post(base + "/" + rosa.id() + "/password").with(as("admin")).with(csrf())
                .param("password", "a-long-enough-one")).andExpect(status().is3xxRedirection());

        assertThat(passwords.matches("a-long-enough-one", logins.loadUserByUsername(rosa.username()).getPassword()))
                .isTrue();
        mvc.perform(post(base + "/" + rosa.id() + "/password").with(as("admin")).with(csrf())
                .param("password", "another-long-one")).andExpect(status().isConflict());
    }

    @Test
    void nobodyReviewsThemselvesAndALoopOfReviewersIsRefusedWithTheNamesInOrder() throws Exception {
        var test = TestSchool.create(schools, staff);
        String base = "/admin/schools/" + test.school().id() + "/staff/" + test.head().id();
        StaffMember head = test.head();

        mvc.perform(details(post(base), head).param("reviewerId", test.teacher().id().toString()).with(as("admin")))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString(
                        "That would make a loop of reviewers: " + head.fullName() + " reviews " + test.leader().fullName()
                                + " reviews " + test.teacher().fullName() + " reviews " + head.fullName())));
        mvc.perform(details(post("/admin/schools/" + test.school().id() + "/staff/" + test.teacher().id()),
                        test.teacher()).param("reviewerId", test.teacher().id().toString()).with(as("admin")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Nobody can review themselves")));
        assertThat(staff.find(head.id()).orElseThrow().reviewerId()).isNull();
    }

    @Test
    void aChangeOfReviewerIsKeptInTheHistoryInWords() throws Exception {
        var test = TestSchool.create(schools, staff);
        StaffMember teacher = test.teacher();

        mvc.perform(details(post("/admin/schools/" + test.school().id() + "/staff/" + teacher.id()), teacher)
                .param("reviewerId", test.head().id().toString()).with(as("admin"))).andExpect(status().is3xxRedirection());

        assertThat(staff.find(teacher.id()).orElseThrow().reviewerId()).isEqualTo(test.head().id());
        assertThat(jdbc.queryForObject("select after_value from admin_change where staff_id = ? and action = ?",
                String.class, teacher.id(), "Changed details")).contains("\"Reviewer\":\"" + test.head().fullName() + "\"");
        assertThat(events.stream(ReviewerChanged.class)).contains(new ReviewerChanged(teacher.id(), test.leader().id(),
                test.head().id()));
    }

    @Test
    void aLeaverCannotLogInAfterTheirLastDayAndCountsAsInactive() throws Exception {
        var test = TestSchool.create(schools, staff);
        StaffMember assistant = test.assistant();

        mvc.perform(post("/admin/schools/" + test.school().id() + "/staff/" + assistant.id() + "/leaver")
                .param("leftOn", LocalDate.now().minusDays(1).toString()).with(as("admin")).with(csrf()))
                .andExpect(status().is3xxRedirection());

        assertThat(logins.loadUserByUsername(assistant.username()).isEnabled()).isFalse();
        assertThat(staff.groupIdsOf(assistant.username())).isEmpty();
        assertThat(staff.find(assistant.id()).orElseThrow().leftOn()).isEqualTo(LocalDate.now().minusDays(1));
        assertThat(events.stream(StaffLeft.class)).contains(new StaffLeft(assistant.id(), LocalDate.now().minusDays(1)));
        mvc.perform(get("/admin/schools/" + test.school().id() + "/staff").param("leavers", "true").with(as("admin")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString(assistant.fullName())));
    }

    @Test
    void aReviewerWhoHasLeftIsStillOfferedSoThatSavingOtherDetailsKeepsThem() throws Exception {
        var test = TestSchool.create(schools, staff);
        staff.markLeaver(test.school().id(), test.leader().id(), LocalDate.now().minusDays(1));

        mvc.perform(get("/admin/schools/" + test.school().id() + "/staff/" + test.teacher().id()).with(as("admin")))
                .andExpect(content().string(org.hamcrest.Matchers.matchesRegex("(?s).*<option value=\""
                        + test.leader().id() + "\" selected=\"selected\">" + test.leader().fullName() + ".*")));
    }

    static final String ROW_T1 = "{\"staffNumber\": \"J1\", \"firstName\": \"Jo\", \"lastName\": \"Script\", "
            + "\"email\": \"jo.script@example.org\", \"jobTitle\": \"Class teacher\", \"startedOn\": \"01/09/2026\"}";

    @Test
    void theJsonImportPreviewsOnADryRunImportsOtherwiseAndRefusesBadRows() throws Exception {
        var test = TestSchool.create(schools, staff);
        String path = "/api/schools/" + test.school().id() + "/staff/import";
        String rows = "[" + ROW_T1.replace("jo.script", "jo.script." + test.school().code()) + ", "
                + "{\"staffNumber\": \"J2\", \"firstName\": \"Al\", \"lastName\": \"Batch\", \"email\": \"al."
                + test.school().code() + "@example.org\", \"jobTitle\": \"HLTA\", \"reviewerStaffNumber\": \"J1\"}]";

        mvc.perform(post(path).with(httpBasic("admin", "demo")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"dryRun\": true, \"rows\": " + rows + "}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.imported").value(false))
                .andExpect(jsonPath("$.created.length()").value(2));
        assertThat(staff.staffOf(test.school().id())).hasSize(4);

        mvc.perform(post(path).with(httpBasic("admin", "demo")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"dryRun\": false, \"rows\": [{\"firstName\": \"No\", \"lastName\": \"Number\", "
                                + "\"email\": \"n@example.org\", \"jobTitle\": \"Teacher\", \"startedOn\": \"2026-13-01\"}]}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.imported").value(false))
                .andExpect(jsonPath("$.problems[0].line").value(1))
                .andExpect(jsonPath("$.problems[0].message").value(
                        "The staff number is missing; start date '2026-13-01' is not a date (write 31/10/2026 or 2026-10-31)."));
        mvc.perform(post(path).with(httpBasic("admin", "demo")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"rows\": [{\"staffNo\": \"X\"}]}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.detail").value(
                        org.hamcrest.Matchers.startsWith("Row 1 has a field \"staffNo\" that is not one of ours")));

        mvc.perform(post(path).with(httpBasic("admin", "demo")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"dryRun\": false, \"rows\": " + rows + "}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.imported").value(true));
        Map<String, StaffMember> people = new java.util.HashMap<>();
        staff.staffOf(test.school().id()).stream().filter(s -> s.staffNumber() != null)
                .forEach(s -> people.put(s.staffNumber(), s));
        assertThat(people.get("J2").reviewerId()).isEqualTo(people.get("J1").id());
        assertThat(people.get("J2").category()).isEqualTo(StaffCategory.HLTA);
    }

    @Test
    void anEmptyUploadOrOneWithTooManyRowsIsRefusedBesideTheField() throws Exception {
        var test = TestSchool.create(schools, staff);
        String base = "/admin/schools/" + test.school().id() + "/import";

        mvc.perform(multipart(base).file(new MockMultipartFile("file", "empty.csv", "text/csv", new byte[0]))
                        .with(as("admin")).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Choose the CSV file your MIS exported.")));
        var many = new StringBuilder("Staff ID,Surname\n");
        for (int i = 0; i <= StaffService.MAX_IMPORT_ROWS; i++) {
            many.append('X').append(i).append(",N\n");
        }
        mvc.perform(multipart(base).file(new MockMultipartFile("file", "many.csv", "text/csv",
                        many.toString().getBytes(StandardCharsets.UTF_8))).with(as("admin")).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("more than 20,000 rows")));
    }

    private static MockHttpServletRequestBuilder details(MockHttpServletRequestBuilder request, StaffMember member) {
        return request.with(csrf()).param("firstName", member.firstName()).param("lastName", member.lastName())
                .param("email", member.email()).param("jobTitle", member.jobTitle())
                .param("category", member.category().name());
    }

    private String snapshotOf(long schoolId) {
        return staff.staffOf(schoolId).toString() + jdbc.queryForObject(
                "select count(*) from admin_change where school_id = ?", Long.class, schoolId)
                + jdbc.queryForObject("select count(*) from staff_import_upload where school_id = ?", Long.class, schoolId);
    }
}
