package org.reviewcycle.objective;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.reviewcycle.demo.DemoSchool;
import org.reviewcycle.history.AdminChange;
import org.reviewcycle.history.AdministrationHistory;
import org.reviewcycle.school.SchoolService;
import org.reviewcycle.staff.StaffService;
import org.reviewcycle.staff.Team;
import org.reviewcycle.support.AsPerson;
import org.reviewcycle.support.TestSchool;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * A team's joint objectives (/teams/...) tried by the team's leader, the school's admins, and the
 * wrong people: a member of the team, the leader of another team, another school's admin. The
 * wrong people are refused with nothing changed; bad input is named beside its field.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
class TeamObjectivePagesAccessTest {

    @Autowired MockMvc mvc;
    @Autowired UserDetailsService users;
    @Autowired SchoolService schools;
    @Autowired StaffService staff;
    @Autowired AdministrationHistory history;
    @Autowired JdbcTemplate jdbc;

    TestSchool school;
    Team eyfs;

    @BeforeEach
    void aSchoolWithTwoTeams() {
        school = TestSchool.create(schools, staff);
        eyfs = staff.createTeam(school.school().id(), "eyfs", "Early years team", school.head().id());
    }

    @Test
    void aMemberTheLeaderOfAnotherTeamAndAnotherSchoolsAdminAreRefusedAndNothingChanges() throws Exception {
        long proposal = propose(school.leader().username(), "To use the school writing process in every subject");
        String before = row(proposal);
        String ks2 = "/teams/" + school.team().id() + "/objectives";
        for (String username : new String[] {school.teacher().username(), school.head().username(), "hc.admin"}) {
            var person = new AsPerson(users).as(username);
            mvc.perform(get(ks2).with(person)).andExpect(status().isForbidden())
                    .andExpect(content().string(not(containsString("writing process"))));
            mvc.perform(get(ks2 + "/" + proposal).with(person)).andExpect(status().isForbidden());
            mvc.perform(form(post(ks2), "Taken over", "W1").with(person).with(csrf())).andExpect(status().isForbidden());
            mvc.perform(form(post(ks2 + "/" + proposal), "Taken over", "M1").with(person).with(csrf()))
                    .andExpect(status().isForbidden());
            mvc.perform(post(ks2 + "/" + proposal + "/withdraw").with(person).with(csrf()))
                    .andExpect(status().isForbidden());
        }
        assertThat(row(proposal)).isEqualTo(before);
        assertThat(titles(school.team())).containsExactly("To use the school writing process in every subject");
        assertThat(changes()).extracting(AdminChange::action).containsExactly("Proposed a joint objective");
    }

    @Test
    void hillcrestsAdminIsRefusedLittletownsTeamsAndATeamThatDoesNotExistIsNotTold() throws Exception {
        long littletown = schools.findSchool(DemoSchool.CODE).orElseThrow().id();
        Team teaching = staff.teamsOf(littletown).stream().filter(t -> t.code().equals("teaching")).findFirst().orElseThrow();
        var hcAdmin = new AsPerson(users).as("hc.admin");
        mvc.perform(get("/teams/" + teaching.id() + "/objectives").with(hcAdmin)).andExpect(status().isForbidden());
        mvc.perform(form(post("/teams/" + teaching.id() + "/objectives"), "Taken over", "W1").with(hcAdmin).with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(get("/teams/-1/objectives").with(new AsPerson(users).as("admin"))).andExpect(status().isForbidden());
        assertThat(jdbc.queryForObject("select count(*) from team_objective where team_id = ? and title = 'Taken over'",
                Long.class, teaching.id())).isZero();
    }

    @Test
    void theLeaderAndTheSchoolsAdminsProposeChangeAndWithdrawAndTheHistoryKeepsEachChange() throws Exception {
        long proposal = propose(school.leader().username(), "To use the school writing process in every subject");
        propose("admin", "To model handwriting in every lesson");
        String ks2 = "/teams/" + school.team().id() + "/objectives";
        var leader = new AsPerson(users).as(school.leader().username());

        mvc.perform(form(post(ks2 + "/" + proposal), "To write at length every week", "M1").with(leader).with(csrf()))
                .andExpect(status().is3xxRedirection());
        mvc.perform(post(ks2 + "/" + proposal + "/withdraw").with(leader).with(csrf()))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get(ks2).with(leader)).andExpect(status().isOk())
                .andExpect(content().string(containsString("To model handwriting in every lesson")))
                .andExpect(content().string(containsString("Withdrawn")));

        assertThat(titles(school.team())).containsExactly("To model handwriting in every lesson");
        assertThat(jdbc.queryForMap("select title, withdrawn_by from team_objective where id = ?", proposal).values())
                .containsExactly("To write at length every week", school.leader().username());
        assertThat(changes()).extracting(AdminChange::action).containsExactly("Withdrew a joint objective",
                "Changed a joint objective", "Proposed a joint objective", "Proposed a joint objective");
        assertThat(changes()).extracting(AdminChange::changedBy)
                .containsExactly(school.leader().username(), school.leader().username(), "admin", school.leader().username());
    }

    @Test
    void badInputIsNamedBesideEachFieldAndNothingIsWritten() throws Exception {
        var leader = new AsPerson(users).as(school.leader().username());
        String ks2 = "/teams/" + school.team().id() + "/objectives";
        mvc.perform(post(ks2).param("title", " ").param("priorityCode", "").param("successCriteria", "Measurable")
                .param("evidence", "").with(leader).with(csrf()))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("The objective must not be empty")))
                .andExpect(content().string(containsString("Choose the school improvement priority it serves")))
                .andExpect(content().string(containsString("The evidence must not be empty")))
                .andExpect(content().string(containsString("Measurable")));
        mvc.perform(form(post(ks2), "x".repeat(301), "Z9").with(leader).with(csrf()))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("The objective is 301 characters long; at most 300 fit")))
                .andExpect(content().string(containsString("&#39;Z9&#39; is not one of the school&#39;s improvement priorities")));

        assertThat(titles(school.team())).isEmpty();
        assertThat(changes()).isEmpty();
    }

    @Test
    void aLeaderFindsTheirTeamsFromTheBarAndAPlainMemberIsToldTheyLeadNone() throws Exception {
        mvc.perform(get("/teams").with(new AsPerson(users).as(school.leader().username()))).andExpect(status().isOk())
                .andExpect(content().string(containsString("href=\"/teams\">My teams</a>")))
                .andExpect(content().string(containsString("Key stage 2 team: joint objectives")));
        mvc.perform(get("/teams").with(new AsPerson(users).as(school.teacher().username()))).andExpect(status().isOk())
                .andExpect(content().string(containsString("You do not lead a team")))
                .andExpect(content().string(not(containsString("href=\"/teams\">My teams</a>"))));
    }

    @Test
    void theAdminsTeamsPagesShowEachTeamsProposalsWithWhoProposedThemAndWhen() throws Exception {
        propose(school.leader().username(), "To use the school writing process in every subject");
        propose(school.head().username(), "To share a story every day");
        var admin = new AsPerson(users).as("admin");
        long id = school.school().id();

        mvc.perform(get("/admin/schools/" + id + "/teams").with(admin)).andExpect(status().isOk())
                .andExpect(content().string(containsString("Joint objectives proposed by team leaders for 2026/27")))
                .andExpect(content().string(containsString("To use the school writing process in every subject")))
                .andExpect(content().string(containsString("To share a story every day")))
                .andExpect(content().string(containsString(school.leader().fullName())))
                .andExpect(content().string(not(containsString(school.leader().username()))));
        mvc.perform(get("/admin/schools/" + id + "/teams/" + eyfs.id()).with(admin)).andExpect(status().isOk())
                .andExpect(content().string(containsString("To share a story every day")))
                .andExpect(content().string(not(containsString("writing process"))));
    }

    @Test
    void onceTheCycleIsClosedItsJointObjectivesStayAsTheyAre() throws Exception {
        long proposal = propose(school.leader().username(), "To use the school writing process in every subject");
        String before = row(proposal);
        schools.changeCycleState(school.cycle().id(), org.reviewcycle.school.CycleState.CLOSED);
        var leader = new AsPerson(users).as(school.leader().username());
        String ks2 = "/teams/" + school.team().id() + "/objectives";

        mvc.perform(get(ks2).with(leader)).andExpect(status().isOk())
                .andExpect(content().string(containsString("no appraisal cycle planned or under way")));
        mvc.perform(form(post(ks2), "Too late", "W1").with(leader).with(csrf())).andExpect(status().isConflict())
                .andExpect(content().string(containsString("no joint objective can be proposed")));
        mvc.perform(form(post(ks2 + "/" + proposal), "Too late", "W1").with(leader).with(csrf()))
                .andExpect(status().isConflict()).andExpect(content().string(containsString("cycle is closed")));
        mvc.perform(post(ks2 + "/" + proposal + "/withdraw").with(leader).with(csrf()))
                .andExpect(status().isConflict());

        assertThat(row(proposal)).isEqualTo(before);
        assertThat(changes()).extracting(AdminChange::action).containsExactly("Proposed a joint objective");
    }

    // --- fixtures ---

    private long propose(String username, String title) throws Exception {
        Team team = username.equals(school.head().username()) ? eyfs : school.team();
        mvc.perform(form(post("/teams/" + team.id() + "/objectives"), title, "W1")
                .with(new AsPerson(users).as(username)).with(csrf())).andExpect(status().is3xxRedirection());
        return jdbc.queryForObject("select max(id) from team_objective where team_id = ?", Long.class, team.id());
    }

    private static MockHttpServletRequestBuilder form(MockHttpServletRequestBuilder request, String title, String priority) {
        return request.param("title", title).param("priorityCode", priority)
                .param("successCriteria", "Writing in topic books matches writing in English books")
                .param("evidence", "Book scrutiny each half term");
    }

    private String row(long id) {
        return jdbc.queryForMap("select * from team_objective where id = ?", id).toString();
    }

    private List<String> titles(Team team) {
        return jdbc.queryForList("select title from team_objective where team_id = ? and withdrawn_at is null order by id",
                String.class, team.id());
    }

    private List<AdminChange> changes() {
        return history.changes(school.school().id(), null, null, 0, 50).entries().stream()
                .map(AdministrationHistory.Entry::change)
                .filter(c -> c.action().contains("joint objective")).toList();
    }
}
