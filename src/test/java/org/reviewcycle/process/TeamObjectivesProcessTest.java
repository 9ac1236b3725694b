package org.reviewcycle.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.reviewcycle.process.AnnualReviewCycleProcess.Elements.APPROVE_OBJECTIVES;
import static org.reviewcycle.process.AnnualReviewCycleProcess.Elements.PLANNING_MEETING;
import static org.reviewcycle.process.AnnualReviewCycleProcess.Elements.SELF_REFLECTION;
import static org.reviewcycle.support.ReviewDriver.json;
import static org.reviewcycle.support.ReviewDriver.objective;
import static org.reviewcycle.support.ReviewDriver.objectives;
import static org.reviewcycle.support.ReviewDriver.values;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.reviewcycle.objective.Objective;
import org.reviewcycle.objective.ObjectiveDraft;
import org.reviewcycle.objective.ObjectiveService;
import org.reviewcycle.objective.TeamObjective;
import org.reviewcycle.review.Review;
import org.reviewcycle.review.ReviewService;
import org.reviewcycle.school.SchoolService;
import org.reviewcycle.staff.StaffMember;
import org.reviewcycle.staff.StaffService;
import org.reviewcycle.staff.Team;
import org.reviewcycle.support.ReviewDriver;
import org.reviewcycle.support.TestSchool;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * The joint objectives a team's leader proposes, in the planning meetings of the team's members:
 * offered as suggestions (proposed before the launch, or while the meeting is open), taken into
 * the objectives with their link, no longer offered once withdrawn while what was agreed stays,
 * and never another team's.
 */
@SpringBootTest
class TeamObjectivesProcessTest {

    private static final String WRITING = "To use the school writing process in every subject";

    @Autowired CycleLauncher launcher;
    @Autowired SchoolService schools;
    @Autowired StaffService staff;
    @Autowired ReviewService reviews;
    @Autowired ObjectiveService objectives;
    @Autowired TaskService tasks;
    @Autowired FormService forms;
    @Autowired IdentityService identity;
    @Autowired ManagementService management;
    @Autowired RuntimeService runtime;
    @Autowired UserDetailsService users;

    TestSchool school;

    @BeforeEach
    void aSchool() {
        school = TestSchool.create(schools, staff);
    }

    @AfterEach
    void loggedOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void aProposalMadeBeforeTheLaunchIsOfferedToEveryMemberAndTakenWithItsLink() {
        TeamObjective proposal = propose(school.team(), WRITING);
        launcher.launch(school.cycle().id());

        var teachers = atPlanningMeeting(school.teacher());
        assertThat(options(teachers)).containsExactly(Map.of("label", "Key stage 2 team: " + WRITING,
                "value", String.valueOf(proposal.id())));
        assertThat(rows(teachers, "teamObjectivesTable")).singleElement().satisfies(row -> {
            assertThat(row).containsEntry("team", "Key stage 2 team").containsEntry("title", WRITING)
                    .containsEntry("priority", "W1: Raise standards in writing")
                    .containsEntry("proposedBy", school.leader().fullName());
            assertThat(row.values()).doesNotContain((Object) school.leader().username());
        });
        assertThat(ticked(teachers)).isEmpty();
        assertThat(options(atPlanningMeeting(school.assistant()))).extracting(o -> o.get("value"))
                .containsExactly(String.valueOf(proposal.id()));

        teachers.submit(school.leader().username(), values("teamObjectives", json(List.of(String.valueOf(proposal.id()))),
                "objectives", objectives(objective("Develop pupils' reasoning in maths lessons", "M1", false))));

        assertThat(teachers.openTaskKey()).isEqualTo(APPROVE_OBJECTIVES);
        List<Objective> agreed = objectives.currentObjectives(review(school.teacher()).id());
        assertThat(agreed).extracting(Objective::position, Objective::title, Objective::teamObjectiveId,
                Objective::teamId).containsExactly(
                        org.assertj.core.groups.Tuple.tuple(1, WRITING, proposal.id(), school.team().id()),
                        org.assertj.core.groups.Tuple.tuple(2, "Develop pupils' reasoning in maths lessons", null, null));
        assertThat(agreed.get(0).successCriteria()).isEqualTo(proposal.successCriteria());
        assertThat(agreed.get(0).priorityId()).isEqualTo(school.writing().id());
        assertThat(teachers.variable("teamObjectives")).as("the process keeps ids and decisions only").isNull();
    }

    @Test
    void planningMeetingsAlreadyOpenOfferWhatTheLeaderProposesChangesAndWithdraws() {
        launcher.launch(school.cycle().id());
        var teachers = atPlanningMeeting(school.teacher());
        assertThat(options(teachers)).isEmpty();

        TeamObjective proposal = propose(school.team(), WRITING);
        assertThat(options(teachers)).extracting(o -> o.get("label")).containsExactly("Key stage 2 team: " + WRITING);

        as(school.leader());
        objectives.changeTeamObjective(school.team().id(), proposal.id(), new ObjectiveDraft("To write at length weekly",
                "W1", "Every pupil writes at length once a week", "Books", null, true));
        assertThat(rows(teachers, "teamObjectivesTable")).extracting(r -> r.get("title"))
                .containsExactly("To write at length weekly");

        objectives.withdrawTeamObjective(school.team().id(), proposal.id());
        assertThat(options(teachers)).isEmpty();
        assertThat(rows(teachers, "teamObjectivesTable")).isEmpty();
    }

    @Test
    void aWithdrawnProposalIsNoLongerOfferedButObjectivesAgreedFromItStayAndAReturnedRoundKeepsIt() {
        TeamObjective proposal = propose(school.team(), WRITING);
        launcher.launch(school.cycle().id());
        var teachers = atPlanningMeeting(school.teacher());
        teachers.submit(school.leader().username(), values("teamObjectives", json(List.of(String.valueOf(proposal.id()))),
                "objectives", json(List.of())));

        as(school.leader());
        objectives.withdrawTeamObjective(school.team().id(), proposal.id());

        assertThat(options(atPlanningMeeting(school.assistant()))).isEmpty();
        assertThat(objectives.currentObjectives(review(school.teacher()).id())).singleElement()
                .satisfies(o -> assertThat(o.teamObjectiveId()).isEqualTo(proposal.id()));

        teachers.submit(school.head().username(), values("decision", "RETURN", "returnReason", "Add one of your own"));
        assertThat(teachers.openTaskKey()).isEqualTo(PLANNING_MEETING);
        assertThat(ticked(teachers)).containsExactly(String.valueOf(proposal.id()));
        assertThat(options(teachers)).extracting(o -> o.get("value")).containsExactly(String.valueOf(proposal.id()));
        assertThat(rows(teachers, "objectives")).as("the taken objective is ticked, not typed again").isEmpty();

        teachers.submit(school.leader().username(), values("teamObjectives", json(List.of(String.valueOf(proposal.id()))),
                "objectives", objectives(objective("Develop pupils' reasoning in maths lessons", "M1", false))));
        assertThat(objectives.currentObjectives(review(school.teacher()).id())).extracting(Objective::teamObjectiveId)
                .containsExactly(proposal.id(), null);
    }

    @Test
    void anotherTeamsProposalOrTooManyObjectivesAreRefusedAndNothingIsRecorded() {
        Team eyfs = staff.createTeam(school.school().id(), "eyfs", "Early years team", school.head().id());
        TeamObjective notTheirs = propose(eyfs, "Early reading");
        TeamObjective theirs = propose(school.team(), WRITING);
        launcher.launch(school.cycle().id());
        var teachers = atPlanningMeeting(school.teacher());
        assertThat(options(teachers)).extracting(o -> o.get("value")).containsExactly(String.valueOf(theirs.id()));

        assertThatThrownBy(() -> teachers.submit(school.leader().username(), values(
                "teamObjectives", json(List.of(String.valueOf(notTheirs.id()))),
                "objectives", objectives(objective("Develop pupils' reasoning", "M1", false)))))
                .hasMessageContaining("Joint team objectives")
                .hasMessageContaining("not one of the joint objectives proposed");
        var five = objectives(objective("One", "W1", false), objective("Two", "W1", false),
                objective("Three", "M1", false), objective("Four", "M1", false), objective("Five", "W1", false));
        assertThatThrownBy(() -> teachers.submit(school.leader().username(), values(
                "teamObjectives", json(List.of(String.valueOf(theirs.id()))), "objectives", five)))
                .hasMessageContaining("at most 5 objectives, not 6");
        assertThatThrownBy(() -> teachers.submit(school.leader().username(), values(
                "teamObjectives", json(List.of(String.valueOf(theirs.id()), String.valueOf(theirs.id()))),
                "objectives", json(List.of()))))
                .hasMessageContaining("is taken twice");

        assertThat(teachers.openTaskKey()).isEqualTo(PLANNING_MEETING);
        assertThat(objectives.currentObjectives(review(school.teacher()).id())).isEmpty();
    }

    // --- fixtures ---

    private TeamObjective propose(Team team, String title) {
        StaffMember leader = staff.find(team.leaderId()).orElseThrow();
        as(leader);
        try {
            return objectives.proposeTeamObjective(team.id(), new ObjectiveDraft(title, "W1",
                    "Writing in topic books matches writing in English books", "Book scrutiny each half term", null, true));
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    private void as(StaffMember member) {
        var user = users.loadUserByUsername(member.username());
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
    }

    private ReviewDriver atPlanningMeeting(StaffMember member) {
        var review = new ReviewDriver(tasks, forms, identity, management, runtime, staff,
                review(member).processInstanceId());
        if (SELF_REFLECTION.equals(review.openTaskKey())) {
            review.submit(member.username(), values("strengths", "Relationships with pupils",
                    "developmentWishes", "Extended writing", "objectiveIdeas", "Writing"));
        }
        assertThat(review.openTaskKey()).isEqualTo(PLANNING_MEETING);
        return review;
    }

    private Review review(StaffMember member) {
        return reviews.reviewsIn(school.cycle().id()).stream().filter(r -> r.staffId().equals(member.id()))
                .findFirst().orElseThrow();
    }

    private static List<Map<String, Object>> options(ReviewDriver review) {
        return rows(review, "teamObjectiveOptions");
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> rows(ReviewDriver review, String variable) {
        return (List<Map<String, Object>>) SubmittedFormAccess.list(review.taskVariables().get(variable));
    }

    /** The checklist's value: the ids of the proposals ticked. */
    @SuppressWarnings("unchecked")
    private static List<Object> ticked(ReviewDriver review) {
        return (List<Object>) SubmittedFormAccess.list(review.taskVariables().get("teamObjectives"));
    }
}
