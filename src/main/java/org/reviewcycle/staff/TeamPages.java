package org.reviewcycle.staff;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.reviewcycle.common.InvalidInput;
import org.reviewcycle.objective.ObjectiveService;
import org.reviewcycle.objective.ProposedObjective;
import org.reviewcycle.school.ReviewCycle;
import org.reviewcycle.security.AdministeredSchools;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A school's teams, for its admins: /admin/schools/{id}/teams lists them and adds one;
 * /admin/schools/{id}/teams/{teamId} renames it, changes its leader, adds and takes out members,
 * always from the school's own staff. Both show, read-only, the joint objectives each team's leader
 * proposed for the current cycle (objective.TeamObjectivePages, where the admins may change them too).
 * Templates templates/staff/teams.html and team.html.
 */
@Controller
class TeamPages {

    private final StaffService staff;
    private final AdministeredSchools administered;
    private final ObjectiveService objectives;

    TeamPages(StaffService staff, AdministeredSchools administered, ObjectiveService objectives) {
        this.staff = staff;
        this.administered = administered;
        this.objectives = objectives;
    }

    /** One row of the list of teams, with the joint objectives its leader proposed for the current cycle. */
    record TeamRow(Team team, StaffMember leader, int members, List<ProposedObjective> objectives) {
    }

    @GetMapping("/admin/schools/{schoolId}/teams")
    String teams(@PathVariable long schoolId, Model model) {
        administered.require(schoolId);
        Map<Long, StaffMember> people = people(schoolId);
        Map<Long, List<ProposedObjective>> proposed = proposedObjectives(schoolId, model).stream()
                .collect(Collectors.groupingBy(p -> p.objective().teamId()));
        model.addAttribute("teams", staff.teamsOf(schoolId).stream()
                .map(t -> new TeamRow(t, people.get(t.leaderId()), staff.teamMemberIds(t.id()).size(),
                        proposed.getOrDefault(t.id(), List.of())))
                .toList());
        model.addAttribute("staff", active(people));
        model.asMap().putIfAbsent("errors", Map.of());
        model.asMap().putIfAbsent("form", Map.of());
        return "staff/teams";
    }

    @PostMapping("/admin/schools/{schoolId}/teams")
    String addTeam(@PathVariable long schoolId, @RequestParam(defaultValue = "") String code,
            @RequestParam(defaultValue = "") String name, @RequestParam(required = false) Long leaderId, Model model,
            RedirectAttributes redirect) {
        administered.require(schoolId);
        try {
            Team team = staff.addTeam(schoolId, code, name, leaderId);
            redirect.addFlashAttribute("done", team.name() + " is added. Now add its members.");
            return "redirect:/admin/schools/" + schoolId + "/teams/" + team.id();
        } catch (InvalidInput e) {
            e.showOn(model, Map.of("code", code, "name", name, "leaderId", leaderId == null ? "" : leaderId.toString()));
            return teams(schoolId, model);
        }
    }

    @GetMapping("/admin/schools/{schoolId}/teams/{teamId}")
    String team(@PathVariable long schoolId, @PathVariable long teamId, Model model) {
        administered.require(schoolId);
        Team team = staff.team(schoolId, teamId);
        Map<Long, StaffMember> people = people(schoolId);
        List<Long> memberIds = staff.teamMemberIds(teamId);
        model.addAttribute("team", team);
        model.addAttribute("proposed", proposedObjectives(schoolId, model).stream()
                .filter(p -> p.objective().teamId() == teamId).toList());
        model.addAttribute("members", memberIds.stream().map(people::get)
                .sorted(Comparator.comparing(StaffMember::lastName).thenComparing(StaffMember::firstName))
                .toList());
        model.addAttribute("staff", active(people));
        model.addAttribute("others", active(people).stream().filter(p -> !memberIds.contains(p.id())).toList());
        model.asMap().putIfAbsent("errors", Map.of());
        model.asMap().putIfAbsent("form", Map.of("name", team.name(), "leaderId", team.leaderId().toString()));
        return "staff/team";
    }

    @PostMapping("/admin/schools/{schoolId}/teams/{teamId}")
    String changeTeam(@PathVariable long schoolId, @PathVariable long teamId,
            @RequestParam(defaultValue = "") String name, @RequestParam(required = false) Long leaderId, Model model,
            RedirectAttributes redirect) {
        administered.require(schoolId);
        try {
            staff.changeTeam(schoolId, teamId, name, leaderId);
        } catch (InvalidInput e) {
            e.showOn(model, Map.of("name", name, "leaderId", leaderId == null ? "" : leaderId.toString()));
            return team(schoolId, teamId, model);
        }
        redirect.addFlashAttribute("done", "The team is saved.");
        return "redirect:/admin/schools/" + schoolId + "/teams/" + teamId;
    }

    @PostMapping("/admin/schools/{schoolId}/teams/{teamId}/members")
    String addMember(@PathVariable long schoolId, @PathVariable long teamId,
            @RequestParam(required = false) Long staffId, Model model, RedirectAttributes redirect) {
        administered.require(schoolId);
        try {
            staff.joinTeam(schoolId, teamId, staffId);
        } catch (InvalidInput e) {
            Team team = staff.team(schoolId, teamId);
            e.showOn(model, Map.of("name", team.name(), "leaderId", team.leaderId().toString()));
            return team(schoolId, teamId, model);
        }
        redirect.addFlashAttribute("done", staff.find(staffId).orElseThrow().fullName() + " is added to the team.");
        return "redirect:/admin/schools/" + schoolId + "/teams/" + teamId;
    }

    @PostMapping("/admin/schools/{schoolId}/teams/{teamId}/members/{staffId}/remove")
    String removeMember(@PathVariable long schoolId, @PathVariable long teamId, @PathVariable long staffId,
            RedirectAttributes redirect) {
        administered.require(schoolId);
        staff.leaveTeam(schoolId, teamId, staffId);
        redirect.addFlashAttribute("done", staff.find(staffId).orElseThrow().fullName() + " is taken out of the team.");
        return "redirect:/admin/schools/" + schoolId + "/teams/" + teamId;
    }

    /** The joint objectives the school's team leaders proposed for the current cycle ("cycle"), withdrawn ones too. */
    private List<ProposedObjective> proposedObjectives(long schoolId, Model model) {
        ReviewCycle cycle = objectives.teamObjectivesCycle(schoolId).orElse(null);
        model.addAttribute("cycle", cycle);
        return cycle == null ? List.of() : objectives.teamObjectivesOfCycle(schoolId, cycle.id());
    }

    private Map<Long, StaffMember> people(long schoolId) {
        return staff.staffOf(schoolId).stream().collect(Collectors.toMap(StaffMember::id, Function.identity()));
    }

    /** Those who can lead or join a team: staff still working at the school, by name. */
    private static List<StaffMember> active(Map<Long, StaffMember> people) {
        return people.values().stream().filter(p -> p.active() && p.leftOn() == null)
                .sorted(Comparator.comparing(StaffMember::lastName).thenComparing(StaffMember::firstName))
                .toList();
    }
}
