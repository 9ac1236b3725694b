package org.reviewcycle.security;

import java.lang.reflect.Field;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.AbstractQuery;
import org.camunda.bpm.engine.impl.GetDeployedTaskFormCmd;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.*;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.dmn.cmd.GetDeploymentDecisionDefinitionCmd;
import org.camunda.bpm.engine.impl.dmn.cmd.GetDeploymentDecisionRequirementsDefinitionCmd;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.impl.repository.DeploymentBuilderImpl;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.reviewcycle.staff.EngineGroups;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a logged-in member of staff may ask of the engine, through {@code /engine-rest} or through
 * the webapps' own API ({@code /camunda/api/engine}, which Tasklist uses): read, claim a task for
 * themselves, give back a task they claimed from a group, and submit a task's form. Everything else
 * (reporting a BPMN error or escalation, setting variables outside a form, offering a task to others,
 * handing it on, changing its dates, comments, new tasks, filters, password checks, starting
 * processes...) is refused with a 403 and one sentence saying what is not allowed.
 * <p>
 * An allowlist: a command nobody listed, including one a later Camunda version adds, is refused.
 * Only the outermost command a person starts is looked at: what the engine and our listeners do
 * inside an allowed command (a form submission completing the task, a listener writing the review)
 * runs as part of it. The engine's own work (no one logged in: start-up, the job executor, the
 * login's filter update) and trust admins' requests are not looked at.
 * <p>
 * A school's admins may use every tool Cockpit and the API offer, as far as their grants
 * (EngineAuthorizations) and the engine's tenant check reach, which is their own school. What the
 * tenant check does not look at is something new: a deployment's or a task's tenant is whatever
 * the request says, and one without a tenant would be shared by every school. So a school admin's
 * deployment, and a task they create outside a review, must name their own school.
 */
class StaffCommandGuard extends CommandInterceptor {

    private static final Logger log = LoggerFactory.getLogger(StaffCommandGuard.class);

    /** Reads a person may make; the engine's authorization checks decide what each returns. */
    private static final Set<Class<?>> READS = Set.of(
            CreateUserQueryCmd.class, CreateGroupQueryCmd.class, CreateTenantQueryCmd.class,
            IsIdentityServiceReadOnlyCmd.class, AuthorizationCheckCmd.class, GetPasswordPolicyCmd.class,
            GetUserInfoCmd.class, GetUserInfoKeysCmd.class, GetUserPictureCmd.class,
            // a task, its form and what Tasklist shows beside it
            GetTaskFormCmd.class, GetTaskFormVariablesCmd.class, GetRenderedTaskFormCmd.class,
            GetDeployedTaskFormCmd.class, GetFormKeyCmd.class, GetCamundaFormDefinitionCmd.class,
            GetTaskVariableCmd.class, GetTaskVariableCmdTyped.class, GetTaskVariablesCmd.class,
            GetIdentityLinksForTaskCmd.class, GetSubTasksCmd.class, GetTaskEventsCmd.class,
            GetTaskCommentsCmd.class, GetTaskCommentCmd.class, GetProcessInstanceCommentsCmd.class,
            GetTaskAttachmentsCmd.class, GetTaskAttachmentCmd.class, GetTaskAttachmentContentCmd.class,
            GetAttachmentCmd.class, GetAttachmentContentCmd.class, GetProcessInstanceAttachmentsCmd.class,
            // the filters Tasklist lists, and their tasks
            GetFilterCmd.class, ExecuteFilterListCmd.class, ExecuteFilterListPageCmd.class,
            ExecuteFilterCountCmd.class, ExecuteFilterSingleResultCmd.class,
            // process and decision definitions, their models and diagrams, a process's variables
            GetDeployedProcessDefinitionCmd.class, GetDeploymentProcessModelCmd.class,
            GetDeploymentProcessDiagramCmd.class, GetDeploymentProcessDiagramLayoutCmd.class,
            GetDeploymentBpmnModelInstanceCmd.class, GetStaticCalledProcessDefinitionCmd.class,
            GetIdentityLinksForProcessDefinitionCmd.class, GetDeploymentResourceCmd.class,
            GetDeploymentResourceForIdCmd.class, GetDeploymentResourceNamesCmd.class,
            GetDeploymentResourcesCmd.class, GetStartFormCmd.class, GetStartFormVariablesCmd.class,
            GetRenderedStartFormCmd.class, GetDeployedStartFormCmd.class,
            GetDeploymentDecisionDefinitionCmd.class, GetDeploymentDecisionRequirementsDefinitionCmd.class,
            GetActivityInstanceCmd.class, FindActiveActivityIdsCmd.class,
            GetExecutionVariableCmd.class, GetExecutionVariableTypedCmd.class, GetExecutionVariablesCmd.class);

    /** What a refused command would have done, in the words of the sentence that refuses it. */
    private static final Map<Class<?>, String> REFUSALS = new LinkedHashMap<>();

    static {
        refuse("report an error or an escalation on a task; submit its form instead",
                HandleTaskBpmnErrorCmd.class, HandleTaskEscalationCmd.class);
        refuse("set or remove the values of a task or a review outside its form",
                AbstractVariableCmd.class, AbstractPatchVariablesCmd.class);
        // before the identity links: the assignee and the owner are stored as links
        refuse("hand a task to someone else", AssignTaskCmd.class, SetTaskOwnerCmd.class, DelegateTaskCmd.class,
                ResolveTaskCmd.class);
        refuse("offer a task to other people or groups, or take it back from them",
                AbstractAddIdentityLinkCmd.class, DeleteIdentityLinkCmd.class);
        refuse("change a task's name, description, priority or dates", AbstractSetTaskPropertyCmd.class,
                SetTaskFollowUpDateCmd.class, SetTaskDueDateCmd.class, SaveTaskCmd.class);
        refuse("create or delete tasks", CreateTaskCmd.class, DeleteTaskCmd.class);
        refuse("add, change or delete comments and attachments", AddCommentCmd.class, UpdateCommentCmd.class,
                DeleteTaskCommentCmd.class, DeleteProcessInstanceCommentCmd.class, CreateAttachmentCmd.class,
                SaveAttachmentCmd.class, DeleteAttachmentCmd.class);
        refuse("create, change or delete task filters; ReviewCycle keeps each person's own list up to date",
                CreateFilterCmd.class, SaveFilterCmd.class, DeleteFilterCmd.class);
        refuse("check passwords", CheckPassword.class);
        refuse("start, correct or stop a review or any other process", StartProcessInstanceCmd.class,
                StartProcessInstanceAtActivitiesCmd.class, SubmitStartFormCmd.class, AbstractCorrelateMessageCmd.class,
                SignalEventReceivedCmd.class, MessageEventReceivedCmd.class, SignalCmd.class,
                AbstractDeleteProcessInstanceCmd.class, AbstractProcessInstanceModificationCommand.class,
                ModifyProcessInstanceCmd.class);
    }

    /** Named in the message should Camunda rename a field this guard reads. */
    private static final String GUARD = "staff command guard";
    private static final Field CLAIMED_TASK = CommandFields.field(ClaimTaskCmd.class, "taskId", GUARD);
    private static final Field CLAIMED_FOR = CommandFields.field(ClaimTaskCmd.class, "userId", GUARD);
    private static final Field ASSIGNED_TASK = CommandFields.field(AbstractSetTaskPropertyCmd.class, "taskId", GUARD);
    private static final Field ASSIGNED_TO = CommandFields.field(AbstractAddIdentityLinkCmd.class, "userId", GUARD);
    private static final Field DEPLOYMENT = CommandFields.field(DeployCmd.class, "deploymentBuilder", GUARD);
    private static final Field SAVED_TASK = CommandFields.field(SaveTaskCmd.class, "task", GUARD);

    /** Its services answer once the engine is built, before any command comes. */
    private final ProcessEngineConfigurationImpl engine;

    StaffCommandGuard(ProcessEngineConfigurationImpl engine) {
        this.engine = engine;
    }

    @Override
    public <T> T execute(Command<T> command) {
        if (Context.getCommandContext() != null) {
            return next.execute(command);
        }
        Authentication person = identity().getCurrentAuthentication();
        if (person == null || isTrustAdmin(person)) {
            return next.execute(command);
        }
        if (isAdmin(person)) {
            if (command instanceof DeployCmd deploy) {
                requireOwnSchool(deploy, person);
            } else if (command instanceof SaveTaskCmd save) {
                requireOwnSchool((TaskEntity) CommandFields.read(SAVED_TASK, save), person);
            }
            return next.execute(command);
        }
        if (allowed(command, person.getUserId())) {
            return next.execute(command);
        }
        // the class tells an administrator what was tried, or which read Tasklist needs and lacks
        log.info("Refused {} the engine command {}", person.getUserId(), command.getClass().getName());
        throw new AuthorizationException(refusal(command));
    }

    private boolean allowed(Command<?> command, String me) {
        if (command instanceof AbstractQuery<?, ?> || READS.contains(command.getClass())
                || command instanceof SubmitTaskFormCmd || command instanceof CompleteTaskCmd) {
            return true;
        }
        if (command instanceof ClaimTaskCmd) {
            String taskId = (String) CommandFields.read(CLAIMED_TASK, command);
            String claimant = (String) CommandFields.read(CLAIMED_FOR, command);
            if (claimant == null) {
                return mayGiveBack(taskId, me);
            }
            if (!claimant.equals(me)) {
                throw new AuthorizationException("You can claim a task only for yourself.");
            }
            return true;
        }
        if (command instanceof AssignTaskCmd && CommandFields.read(ASSIGNED_TO, command) == null) {
            // Tasklist's "Unclaim" is an assignment to no one
            return mayGiveBack((String) CommandFields.read(ASSIGNED_TASK, command), me);
        }
        return false;
    }

    /** A task claimed from a group goes back to that group; one given to a person by name has nowhere to go. */
    private boolean mayGiveBack(String taskId, String me) {
        TaskService tasks = engine.getTaskService();
        if (tasks.createTaskQuery().taskId(taskId).taskAssignee(me).count() == 0) {
            throw new AuthorizationException("You can give back only a task you have claimed.");
        }
        boolean offered = tasks.getIdentityLinksForTask(taskId).stream()
                .anyMatch(link -> IdentityLinkType.CANDIDATE.equals(link.getType()));
        if (!offered) {
            throw new AuthorizationException("This task is yours by name, so it cannot be given back; "
                    + "an administrator can give it to someone else.");
        }
        return true;
    }

    /** A school admin deploys for their own school, whose code is the deployment's tenant id. */
    private static void requireOwnSchool(DeployCmd deploy, Authentication person) {
        String tenant = ((DeploymentBuilderImpl) CommandFields.read(DEPLOYMENT, deploy)).getDeployment().getTenantId();
        List<String> ownSchools = person.getTenantIds() == null ? List.of() : person.getTenantIds();
        if (tenant == null || !ownSchools.contains(tenant)) {
            log.info("Refused {} a deployment for {}", person.getUserId(), tenant == null ? "every school" : tenant);
            throw new AuthorizationException("A deployment must be for your own school: give it the tenant id "
                    + String.join(" or ", ownSchools) + ". Only a trust administrator may deploy "
                    + (tenant == null ? "a model shared by every school." : "for another school."));
        }
    }

    /** A new task of a school admin's (outside a review) is their school's, or a subtask of one of its tasks. */
    private void requireOwnSchool(TaskEntity task, Authentication person) {
        if (task.getRevision() != 0) {
            return;
        }
        boolean ownSchool = task.getParentTaskId() == null
                ? task.getTenantId() != null && person.getTenantIds() != null
                        && person.getTenantIds().contains(task.getTenantId())
                : engine.getTaskService().createTaskQuery().taskId(task.getParentTaskId()).count() > 0;
        if (!ownSchool) {
            log.info("Refused {} a task for {}", person.getUserId(), task.getTenantId());
            throw new AuthorizationException("A new task must be for your own school: give it the tenant id "
                    + String.join(" or ", person.getTenantIds() == null ? List.of() : person.getTenantIds()) + ".");
        }
    }

    private static boolean isTrustAdmin(Authentication person) {
        return person.getGroupIds() != null && person.getGroupIds().contains(EngineGroups.TRUST_ADMINS);
    }

    private static boolean isAdmin(Authentication person) {
        return person.getGroupIds() != null && person.getGroupIds().contains(EngineGroups.ADMINS);
    }

    static String refusal(Command<?> command) {
        for (var refused : REFUSALS.entrySet()) {
            if (refused.getKey().isInstance(command)) {
                return "Only an administrator may " + refused.getValue() + ".";
            }
        }
        return "Staff may only read tasks, claim or give them back and submit their forms; "
                + "anything else is for an administrator.";
    }

    private IdentityService identity() {
        return engine.getIdentityService();
    }

    private static void refuse(String what, Class<?>... commands) {
        for (Class<?> command : commands) {
            REFUSALS.put(command, what);
        }
    }
}
