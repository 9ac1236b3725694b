package org.reviewcycle.objective;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.reviewcycle.common.InvalidInput;
import org.reviewcycle.school.ReviewCycle;
import org.reviewcycle.school.SchoolPriority;
import org.reviewcycle.school.SchoolService;
import org.reviewcycle.staff.Team;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A team leader's pages (any member of staff who leads a team; the school's admins too): /teams
 * lists the teams they lead; /teams/{teamId}/objectives lists the team's joint objectives for the
 * current cycle and proposes one; /teams/{teamId}/objectives/{id} changes or withdraws one. Who
 * may is ObjectiveService's rule. Templates templates/objective/teams.html, team-objectives.html
 * and team-objective.html.
 */
@Controller
class TeamObjectivePages {

    private final ObjectiveService objectives;
    private final SchoolService schools;

    TeamObjectivePages(ObjectiveService objectives, SchoolService schools) {
        this.objectives = objectives;
        this.schools = schools;
    }

    @GetMapping("/teams")
    String myTeams(Model model) {
        model.addAttribute("teams", objectives.teamsLedByMe());
        return "objective/teams";
    }

    @GetMapping("/teams/{teamId}/objectives")
    String teamObjectives(@PathVariable long teamId, Model model) {
        Team team = objectives.teamToPropose(teamId);
        Optional<ReviewCycle> cycle = objectives.teamObjectivesCycle(team.schoolId());
        List<ProposedObjective> all = cycle.map(c -> objectives.teamObjectives(teamId, c.id())).orElse(List.of());
        model.addAttribute("team", team);
        model.addAttribute("cycle", cycle.orElse(null));
        model.addAttribute("proposals", all.stream().filter(p -> !p.objective().withdrawn()).toList());
        model.addAttribute("withdrawn", all.stream().filter(p -> p.objective().withdrawn()).toList());
        model.addAttribute("priorities", schools.priorities(team.schoolId()));
        model.asMap().putIfAbsent("errors", Map.of());
        model.asMap().putIfAbsent("form", Map.of());
        return "objective/team-objectives";
    }

    @PostMapping("/teams/{teamId}/objectives")
    String propose(@PathVariable long teamId, @RequestParam(defaultValue = "") String title,
            @RequestParam(defaultValue = "") String priorityCode, @RequestParam(defaultValue = "") String successCriteria,
            @RequestParam(defaultValue = "") String evidence, Model model, RedirectAttributes redirect) {
        try {
            objectives.proposeTeamObjective(teamId, draft(title, priorityCode, successCriteria, evidence));
        } catch (InvalidInput e) {
            e.showOn(model, typed(title, priorityCode, successCriteria, evidence));
            return teamObjectives(teamId, model);
        }
        redirect.addFlashAttribute("done", "The joint objective is proposed. Every member's planning meeting offers it.");
        return "redirect:/teams/" + teamId + "/objectives";
    }

    @GetMapping("/teams/{teamId}/objectives/{objectiveId}")
    String teamObjective(@PathVariable long teamId, @PathVariable long objectiveId, Model model) {
        ProposedObjective proposal = objectives.teamObjective(teamId, objectiveId);
        TeamObjective objective = proposal.objective();
        Team team = objectives.teamToPropose(teamId);
        model.addAttribute("team", team);
        model.addAttribute("proposal", proposal);
        model.addAttribute("priorities", schools.priorities(team.schoolId()));
        model.asMap().putIfAbsent("errors", Map.of());
        model.asMap().putIfAbsent("form", typed(objective.title(), schools.findPriority(objective.priorityId())
                .map(SchoolPriority::code).orElse(""), objective.successCriteria(), objective.evidence()));
        return "objective/team-objective";
    }

    @PostMapping("/teams/{teamId}/objectives/{objectiveId}")
    String change(@PathVariable long teamId, @PathVariable long objectiveId,
            @RequestParam(defaultValue = "") String title, @RequestParam(defaultValue = "") String priorityCode,
            @RequestParam(defaultValue = "") String successCriteria, @RequestParam(defaultValue = "") String evidence,
            Model model, RedirectAttributes redirect) {
        try {
            objectives.changeTeamObjective(teamId, objectiveId, draft(title, priorityCode, successCriteria, evidence));
        } catch (InvalidInput e) {
            e.showOn(model, typed(title, priorityCode, successCriteria, evidence));
            return teamObjective(teamId, objectiveId, model);
        }
        redirect.addFlashAttribute("done", "The joint objective is saved.");
        return "redirect:/teams/" + teamId + "/objectives";
    }

    @PostMapping("/teams/{teamId}/objectives/{objectiveId}/withdraw")
    String withdraw(@PathVariable long teamId, @PathVariable long objectiveId, RedirectAttributes redirect) {
        objectives.withdrawTeamObjective(teamId, objectiveId);
        redirect.addFlashAttribute("done", "The joint objective is withdrawn: planning meetings no longer offer it. "
                + "Objectives already agreed from it stay as they are.");
        return "redirect:/teams/" + teamId + "/objectives";
    }

    private static ObjectiveDraft draft(String title, String priorityCode, String successCriteria, String evidence) {
        return new ObjectiveDraft(title, priorityCode, successCriteria, evidence, null, true);
    }

    private static Map<String, String> typed(String title, String priorityCode, String successCriteria,
            String evidence) {
        return Map.of("title", title, "priorityCode", priorityCode, "successCriteria", successCriteria,
                "evidence", evidence);
    }
}
