package org.reviewcycle.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.reviewcycle.cycles.CycleLaunches;
import org.reviewcycle.cycles.LaunchState;
import org.reviewcycle.demo.DemoSchool;
import org.reviewcycle.process.CycleLauncher;
import org.reviewcycle.review.Review;
import org.reviewcycle.review.ReviewService;
import org.reviewcycle.school.ReviewCycle;
import org.reviewcycle.school.SchoolPriority;
import org.reviewcycle.school.SchoolService;
import org.reviewcycle.school.TrustPriority;
import org.reviewcycle.staff.StaffMember;
import org.reviewcycle.staff.StaffService;
import org.reviewcycle.staff.Team;
import org.reviewcycle.support.AsPerson;
import org.reviewcycle.support.TestSchool;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Mixed ids: Hillcrest's admin (hc.admin) puts Hillcrest's own id in the path, but the id of a thing
 * of another school B (a cycle, a launch, a review, a team, a member of staff, a priority, an import
 * upload) in the rest of the path or in a form field; and a trust priority's id where a school
 * priority's is expected. Each is refused (403, 404, or 400 with a sentence; a form shown again with
 * its refusal is a 200 without effect) and B is as it was afterwards.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
class MixedIdsAttackTest {

    @Autowired MockMvc mvc;
    @Autowired UserDetailsService users;
    @Autowired SchoolService schools;
    @Autowired StaffService staff;
    @Autowired ReviewService reviews;
    @Autowired CycleLauncher launcher;
    @Autowired CycleLaunches launches;
    @Autowired org.springframework.context.ApplicationContext context;

    RequestPostProcessor hcAdmin;
    long hc;
    TestSchool b;
    ReviewCycle bPlanned;
    long bLaunch;
    Review bReview;
    long bUpload;
    Team hcTeam;
    ReviewCycle hcCycle;
    final List<String> refusals = new ArrayList<>();

    @BeforeEach
    void victims() {
        hcAdmin = new AsPerson(users).as("hc.admin");
        hc = schools.findSchool(DemoSchool.SECOND_CODE).orElseThrow().id();
        hcTeam = staff.teamsOf(hc).get(0);
        hcCycle = schools.cyclesOf(hc).get(0);
        b = TestSchool.create(schools, staff);
        launcher.launch(b.cycle().id());
        bReview = reviews.reviewsIn(b.cycle().id()).get(0);
        // a launch of B's that is under way (its heartbeat is fresh: no node carries it on)
        bLaunch = runningLaunchOf(b.cycle().id());
        bPlanned = schools.planCycle(new ReviewCycle(null, b.school().id(), "2027/28", LocalDate.of(2027, 10, 31),
                LocalDate.of(2028, 2, 1), LocalDate.of(2028, 6, 14), LocalDate.of(2028, 7, 16), null));
        bUpload = staff.uploadStaffFile(b.school().id(), "b.csv", csv());
    }

    @SuppressWarnings("unchecked")
    /** A RUNNING launch row with a fresh heartbeat, written through the (package-private) LaunchMapper. */
    private long runningLaunchOf(long cycleId) {
        try {
            Class<?> mapperType = Class.forName("org.reviewcycle.cycles.LaunchMapper");
            Object mapper = context.getBean(mapperType);
            var insert = mapperType.getDeclaredMethod("insertLaunch", long.class, String.class, LocalDateTime.class);
            insert.setAccessible(true);
            insert.invoke(mapper, cycleId, "admin", LocalDateTime.now());
            var running = mapperType.getDeclaredMethod("selectRunningOfCycle", long.class);
            running.setAccessible(true);
            return ((java.util.Optional<org.reviewcycle.cycles.Launch>) running.invoke(mapper, cycleId)).orElseThrow().id();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    @org.junit.jupiter.api.AfterEach
    void report() {
        refusals.forEach(r -> System.out.println("MIXED-IDS " + r));
    }

    @Test
    void ourOwnThingsAreOpenToUs() throws Exception {
        // the control: the same admin reaches Hillcrest's own team, cycle and staff, so a refusal above is about the ids
        for (String path : new String[] {a("/teams/" + hcTeam.id()), a("/cycles/" + hcCycle.id()),
                a("/staff/" + hcTeam.leaderId()), a("/cycles/" + hcCycle.id() + "/reviews")}) {
            assertThat(mvc.perform(get(path).with(hcAdmin)).andReturn().getResponse().getStatus()).as(path).isEqualTo(200);
        }
    }

    private static byte[] csv() {
        return ("Staff number,Forename,Surname,Email,Job title\n"
                + "X1,Mallory,Intruder,mallory@example.org,Teacher\n").getBytes(StandardCharsets.UTF_8);
    }

    /** Refused: 403/404/400 (a 400 with a sentence). */
    private MvcResult refused(MockHttpServletRequestBuilder request) throws Exception {
        MvcResult result = mvc.perform(request.with(hcAdmin).with(csrf())).andReturn();
        int status = result.getResponse().getStatus();
        String what = result.getRequest().getMethod() + " " + result.getRequest().getRequestURI() + " -> " + status;
        refusals.add(what);
        assertThat(status).as(what + " " + result.getResponse().getRedirectedUrl()).isIn(400, 403, 404);
        if (status == 400) {
            assertThat(result.getResponse().getContentAsString()).as(what + " says why").isNotBlank();
        }
        return result;
    }

    /** Refused, or the form shown again (200) with its refusal: never a redirect of a thing done. */
    private MvcResult refusedOrShownAgain(MockHttpServletRequestBuilder request) throws Exception {
        MvcResult result = mvc.perform(request.with(hcAdmin).with(csrf())).andReturn();
        int status = result.getResponse().getStatus();
        String what = result.getRequest().getMethod() + " " + result.getRequest().getRequestURI() + " -> " + status;
        refusals.add(what);
        assertThat(status).as(what + " " + result.getResponse().getRedirectedUrl()).isIn(200, 400, 403, 404);
        return result;
    }

    private String a(String rest) {
        return "/admin/schools/" + hc + rest;
    }

    @Test
    void anotherSchoolsCyclesLaunchesAndReviewsAreNotReachedThroughOurOwnSchool() throws Exception {
        long bc = b.cycle().id();
        long bp = bPlanned.id();
        int bReviews = reviews.reviewsIn(bc).size();
        var bLatestBefore = launches.latestOf(bp);

        refused(get(a("/cycles/" + bc)));
        refused(get(a("/cycles/" + bp + "/edit")));
        refused(post(a("/cycles/" + bp + "/edit")).param("objectivesAgreedBy", "2027-11-30")
                .param("midYearCheckFrom", "2028-02-02").param("finalReviewFrom", "2028-06-15")
                .param("finalReviewDue", "2028-07-17"));
        refused(get(a("/cycles/" + bc + "/close")));
        refused(post(a("/cycles/" + bc + "/close")));
        refused(post(a("/cycles/" + bp + "/close")));
        refused(get(a("/cycles/" + bc + "/reviews")));
        refused(post(a("/cycles/" + bp + "/launches")));

        // B's launch: under B's cycle, and under Hillcrest's own cycle
        for (long cycle : new long[] {bc, hcCycle.id()}) {
            refused(get(a("/cycles/" + cycle + "/launches/" + bLaunch)));
            refused(get(a("/cycles/" + cycle + "/launches/" + bLaunch + "/progress")));
            refused(get(a("/cycles/" + cycle + "/launches/" + bLaunch + "/report.csv")));
            refused(post(a("/cycles/" + cycle + "/launches/" + bLaunch + "/stop")));
            // B's review: under B's cycle, and under Hillcrest's own cycle
            refused(post(a("/cycles/" + cycle + "/reviews/" + bReview.id() + "/bring-forward")));
        }
        // the API has no school in its path: B's cycle must still be refused
        refused(post("/api/cycles/" + bp + "/launch").accept(MediaType.APPLICATION_JSON));
        refused(post("/api/cycles/" + bc + "/launch").accept(MediaType.APPLICATION_JSON));

        ReviewCycle cycleAfter = schools.findCycle(bc).orElseThrow();
        ReviewCycle plannedAfter = schools.findCycle(bp).orElseThrow();
        assertThat(cycleAfter).isEqualTo(schools.findCycle(bc).orElseThrow());
        assertThat(cycleAfter.closed()).isFalse();
        assertThat(plannedAfter.objectivesAgreedBy()).isEqualTo(LocalDate.of(2027, 10, 31));
        assertThat(plannedAfter.closed()).isFalse();
        assertThat(launches.latestOf(bp)).isEqualTo(bLatestBefore);
        assertThat(reviews.reviewsIn(bp)).isEmpty();
        assertThat(launches.find(bLaunch).state()).isEqualTo(LaunchState.RUNNING);
        assertThat(reviews.reviewsIn(bc)).hasSize(bReviews);
        assertThat(reviews.find(bReview.id()).orElseThrow()).isEqualTo(bReview);
    }

    @Test
    void anotherSchoolsStaffAreNotReachedThroughOurOwnSchool() throws Exception {
        StaffMember victim = b.teacher();
        StaffMember before = staff.find(victim.id()).orElseThrow();
        String passwordBefore = users.loadUserByUsername(victim.username()).getPassword();
        int hcStaffBefore = staff.staffOf(hc).size();

        refused(get(a("/staff/" + victim.id())));
        refused(post(a("/staff/" + victim.id())).param("firstName", "Taken").param("lastName", "Over")
                .param("email", "taken@example.org").param("jobTitle", "Teacher").param("category", "TEACHER_MPG")
                .param("staffNumber", "T1"));
        refused(post(a("/staff/" + victim.id() + "/leaver")).param("leftOn", "2026-12-01"));
        refused(post(a("/staff/" + victim.id() + "/password")).param("password", "a-new-password-of-mallory"));
        // B's head as reviewer / line manager of a new Hillcrest member
        var shownAgain = refusedOrShownAgain(post(a("/staff/new")).param("firstName", "Mixed").param("lastName", "Reviewer")
                .param("email", "mixed@example.org").param("jobTitle", "Teacher").param("category", "TEACHER_MPG")
                .param("staffNumber", "MX1").param("reviewerId", b.head().id().toString())
                .param("lineManagerId", b.head().id().toString()));
        assertThat(shownAgain.getResponse().getContentAsString()).contains("Choose a reviewer from the school",
                "Choose a line manager from the school");
        // B's staff made an administrator through Hillcrest's settings
        refused(post(a("/admins")).param("staffId", victim.id().toString()).param("administrator", "true"));
        // the list filtered by B's team and B's reviewer shows none of B
        var list = mvc.perform(get(a("/staff")).param("team", b.team().id().toString())
                .param("reviewer", b.leader().id().toString()).with(hcAdmin)).andReturn();
        assertThat(list.getResponse().getContentAsString()).doesNotContain(victim.lastName(), b.leader().lastName());

        assertThat(staff.find(victim.id()).orElseThrow()).isEqualTo(before);
        assertThat(users.loadUserByUsername(victim.username()).getPassword()).isEqualTo(passwordBefore);
        assertThat(staff.staffOf(hc)).hasSize(hcStaffBefore);
        assertThat(staff.staffOf(hc)).noneMatch(s -> b.head().id().equals(s.reviewerId())
                || b.head().id().equals(s.lineManagerId()));
    }

    @Test
    void anotherSchoolsTeamsAreNotReachedNorMixedWithOurs() throws Exception {
        Team bTeam = b.team();
        var bMembers = staff.teamMemberIds(bTeam.id());
        var hcMembers = staff.teamMemberIds(hcTeam.id());
        int hcTeams = staff.teamsOf(hc).size();
        StaffMember hcMember = staff.find(hcMembers.get(0)).orElseThrow();

        refused(get(a("/teams/" + bTeam.id())));
        refused(post(a("/teams/" + bTeam.id())).param("name", "Taken over").param("leaderId",
                hcTeam.leaderId().toString()));
        refused(post(a("/teams/" + bTeam.id() + "/members")).param("staffId", hcMember.id().toString()));
        refused(post(a("/teams/" + bTeam.id() + "/members/" + b.teacher().id() + "/remove")));
        // Hillcrest's own team with B's people in it
        refusedOrShownAgain(post(a("/teams/" + hcTeam.id() + "/members")).param("staffId", b.teacher().id().toString()));
        refusedOrShownAgain(post(a("/teams/" + hcTeam.id())).param("name", hcTeam.name())
                .param("leaderId", b.leader().id().toString()));
        refusedOrShownAgain(post(a("/teams/" + hcTeam.id() + "/members/" + b.teacher().id() + "/remove")));
        refusedOrShownAgain(post(a("/teams")).param("code", "mx").param("name", "Mixed team")
                .param("leaderId", b.leader().id().toString()));

        assertThat(staff.team(b.school().id(), bTeam.id())).isEqualTo(bTeam);
        assertThat(staff.teamMemberIds(bTeam.id())).containsExactlyInAnyOrderElementsOf(bMembers);
        assertThat(staff.team(hc, hcTeam.id())).isEqualTo(hcTeam);
        assertThat(staff.teamMemberIds(hcTeam.id())).containsExactlyInAnyOrderElementsOf(hcMembers);
        assertThat(staff.teamsOf(hc)).hasSize(hcTeams);
    }

    @Test
    void anotherSchoolsPrioritiesAndTheTrustsAreNotReachedAsOurSchoolsPriorities() throws Exception {
        SchoolPriority bPriority = b.writing();
        TrustPriority trust = schools.trustPriorities().isEmpty()
                ? schools.addTrustPriority("TX" + b.school().code(), "A trust priority", "Trust-wide")
                : schools.trustPriorities().get(0);
        Set<Long> hcPriorityIds = new java.util.HashSet<>();
        schools.priorities(hc).forEach(p -> hcPriorityIds.add(p.id()));
        var hcBefore = schools.priorities(hc);

        refused(get(a("/priorities/" + bPriority.id())));
        refused(post(a("/priorities/" + bPriority.id())).param("code", "W1").param("title", "Taken over")
                .param("wholeSchoolTarget", "None"));
        // a trust priority's id where a school priority's is expected (unless it is by chance also one of ours)
        if (!hcPriorityIds.contains(trust.id())) {
            refused(get(a("/priorities/" + trust.id())));
            refused(post(a("/priorities/" + trust.id())).param("code", "T1").param("title", "Taken over")
                    .param("wholeSchoolTarget", "None"));
        }
        // B's school priority given as the trust priority a new Hillcrest priority serves
        if (schools.trustPriorities().stream().noneMatch(t -> t.id().equals(bPriority.id()))) {
            refusedOrShownAgain(post(a("/priorities")).param("code", "MX").param("title", "Mixed")
                    .param("wholeSchoolTarget", "None").param("trustPriorityId", bPriority.id().toString()));
        }

        assertThat(schools.schoolPriority(b.school().id(), bPriority.id())).isEqualTo(bPriority);
        assertThat(schools.trustPriority(trust.id())).isEqualTo(trust);
        assertThat(schools.priorities(hc)).containsExactlyInAnyOrderElementsOf(hcBefore);
    }

    @Test
    void anotherSchoolsImportUploadIsNotReadNorImportedThroughOurSchool() throws Exception {
        int bStaff = staff.staffOf(b.school().id()).size();
        int hcStaff = staff.staffOf(hc).size();

        refused(get(a("/import/" + bUpload)));
        refused(post(a("/import/" + bUpload + "/preview")).param("column.STAFF_NUMBER", "Staff number")
                .param("column.FIRST_NAME", "Forename").param("column.LAST_NAME", "Surname")
                .param("column.EMAIL", "Email").param("column.JOB_TITLE", "Job title"));
        refused(post(a("/import/" + bUpload + "/confirm")));
        refused(post(a("/import/" + bUpload + "/confirm")).param("leavers", "true"));

        // the import API under Hillcrest's id, with B's teacher's staff number and email: no change to B's teacher
        StaffMember t = b.teacher();
        StaffMember bTeacher = staff.saveDetails(b.school().id(), t.id(), new org.reviewcycle.staff.StaffDetails(
                t.firstName(), t.lastName(), t.email(), t.jobTitle(), t.category(), "B" + t.id(), t.reviewerId(),
                t.lineManagerId(), t.startedOn()));
        String number = bTeacher.staffNumber();
        // (a dry run: a real one would add a new member to Hillcrest, the demo school other tests count)
        var api = mvc.perform(post("/api/schools/" + hc + "/staff/import").contentType(MediaType.APPLICATION_JSON)
                .content("{\"dryRun\":true,\"rows\":[{\"staffNumber\":\"" + number + "\",\"firstName\":\"Taken\","
                        + "\"lastName\":\"Over\",\"email\":\"" + bTeacher.email() + "\",\"jobTitle\":\"Teacher\"}]}")
                .with(hcAdmin).with(csrf())).andReturn();
        refusals.add("POST /api/schools/" + hc + "/staff/import (dry run, B's teacher's number and email) -> "
                + api.getResponse().getStatus() + " " + api.getResponse().getContentAsString());
        assertThat(api.getResponse().getContentAsString()).contains("\"changed\":[]");
        assertThat(staff.find(b.teacher().id()).orElseThrow()).isEqualTo(bTeacher);

        assertThat(staff.uploadedFile(b.school().id(), bUpload).fileName()).isEqualTo("b.csv");
        assertThat(staff.staffOf(b.school().id())).hasSize(bStaff)
                .allSatisfy(s -> assertThat(s.leftOn()).isNull());
        assertThat(staff.staffOf(hc)).noneMatch(s -> "Intruder".equals(s.lastName()))
                .noneMatch(s -> s.username().equals(bTeacher.username()));
    }

}
