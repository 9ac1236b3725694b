package org.reviewcycle.security;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.TaskQuery;
import org.reviewcycle.staff.StaffService;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.InteractiveAuthenticationSuccessEvent;
import org.springframework.stereotype.Component;

/**
 * Each person's "My tasks" filter in Tasklist: the tasks assigned to them, and those offered to them
 * or to their groups. Stored queries may hold no expressions (no {@code ${currentUser()}}), so the
 * filter names the person and their groups literally; it is brought up to date at every login, so a
 * new team or role shows at once. The engine grants the owner of a filter its rights on it.
 */
@Component
public class PersonalTaskFilters {

    public static final String MY_TASKS = "My tasks";

    private final FilterService filters;
    private final TaskService tasks;
    private final StaffService staff;

    PersonalTaskFilters(FilterService filters, TaskService tasks, StaffService staff) {
        this.filters = filters;
        this.tasks = tasks;
        this.staff = staff;
    }

    @EventListener
    void onLogin(InteractiveAuthenticationSuccessEvent login) {
        myTasksOf(login.getAuthentication().getName());
    }

    /** The person's "My tasks" filter, created or brought up to date. */
    public Filter myTasksOf(String username) {
        List<String> groups = staff.groupIdsOf(username);
        TaskQuery mine = tasks.createTaskQuery().or().taskAssignee(username).taskCandidateUser(username);
        if (!groups.isEmpty()) {
            mine = mine.taskCandidateGroupIn(groups);
        }
        TaskQuery query = mine.endOr().orderByDueDate().asc();
        Filter filter = filters.createFilterQuery().filterName(MY_TASKS).filterOwner(username).singleResult();
        if (filter == null) {
            filter = filters.newTaskFilter(MY_TASKS).setOwner(username);
        }
        filter.setQuery(query).setProperties(Map.of(
                "description", "Your appraisal tasks, and those offered to you or your teams, soonest due first",
                "priority", -10,
                "refresh", true));
        return filters.saveFilter(filter);
    }
}
