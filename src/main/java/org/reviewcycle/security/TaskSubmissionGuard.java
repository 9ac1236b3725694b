package org.reviewcycle.security;

import java.lang.reflect.Field;
import java.util.Collection;
import java.util.Map;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.AbstractPatchVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractVariableCmd;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.PatchTaskVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.RemoveTaskVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.ResolveTaskCmd;
import org.camunda.bpm.engine.impl.cmd.SetTaskVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitTaskFormCmd;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.task.Task;
import org.reviewcycle.process.AnnualReviewCycleProcess;
import org.reviewcycle.process.FormSubmission;

/**
 * Keeps the people who work on review tasks from writing process variables. Camunda lets whoever
 * may work on a task send any variables with it, and writes those the task has not declared into
 * the process: a teacher could name herself her own reviewer, or skip her mid-year check. The
 * review's process variables are ids and decisions that only our listeners set.
 * <ul>
 * <li>Completing a task (Tasklist's submit-form, the REST API's complete): the names sent are
 * handed to {@link FormSubmission}, and the task's complete listener refuses any that is not a
 * field of the task's form, rolling the whole completion back.</li>
 * <li>Setting, changing or removing a review task's variables without completing it, or sending
 * values when handing a delegated review task back (resolve): refused, as the values of a review
 * task go with its form.</li>
 * </ul>
 * Only commands run for a logged-in person are looked at; the engine's own work is not.
 */
class TaskSubmissionGuard extends CommandInterceptor {

    /** Named in the message should Camunda rename a field this guard reads. */
    private static final String GUARD = "task submission guard";
    private static final Field SUBMITTED_VALUES = CommandFields.field(SubmitTaskFormCmd.class, "properties", GUARD);
    private static final Field COMPLETED_TASK = CommandFields.field(CompleteTaskCmd.class, "taskId", GUARD);
    private static final Field COMPLETED_VALUES = CommandFields.field(CompleteTaskCmd.class, "variables", GUARD);
    private static final Field VARIABLES_OF = CommandFields.field(AbstractVariableCmd.class, "entityId", GUARD);
    private static final Field PATCHED_TASK = CommandFields.field(AbstractPatchVariablesCmd.class, "entityId", GUARD);

    /** Its services answer once the engine is built, before any command comes. */
    private final ProcessEngineConfigurationImpl engine;

    TaskSubmissionGuard(ProcessEngineConfigurationImpl engine) {
        this.engine = engine;
    }

    @Override
    public <T> T execute(Command<T> command) {
        if (engine.getIdentityService().getCurrentAuthentication() == null) {
            return next.execute(command);
        }
        if (command instanceof SubmitTaskFormCmd) {
            return submitted(command, FormSubmission.Route.FORM, names(CommandFields.read(SUBMITTED_VALUES, command)));
        }
        if (command instanceof ResolveTaskCmd) {
            // a delegated task handed back: no complete listener runs, so values cannot be checked there
            if (!names(CommandFields.read(COMPLETED_VALUES, command)).isEmpty()) {
                refuseOnReviewTask((String) CommandFields.read(COMPLETED_TASK, command));
            }
            return next.execute(command);
        }
        if (command instanceof CompleteTaskCmd) {
            return submitted(command, FormSubmission.Route.COMPLETE, names(CommandFields.read(COMPLETED_VALUES, command)));
        }
        if (command instanceof SetTaskVariablesCmd || command instanceof RemoveTaskVariablesCmd) {
            refuseOnReviewTask((String) CommandFields.read(VARIABLES_OF, command));
        } else if (command instanceof PatchTaskVariablesCmd) {
            refuseOnReviewTask((String) CommandFields.read(PATCHED_TASK, command));
        }
        return next.execute(command);
    }

    private <T> T submitted(Command<T> command, FormSubmission.Route route, Collection<String> names) {
        FormSubmission.begin(route, names);
        try {
            return next.execute(command);
        } finally {
            FormSubmission.end();
        }
    }

    private void refuseOnReviewTask(String taskId) {
        Task task = engine.getTaskService().createTaskQuery().taskId(taskId).singleResult();
        if (task != null && engine.getRepositoryService().getProcessDefinition(task.getProcessDefinitionId())
                .getKey().equals(AnnualReviewCycleProcess.KEY)) {
            throw new BadUserRequestException("The values of a review task are submitted with its form; "
                    + "its variables cannot be set or removed on their own");
        }
    }

    private static Collection<String> names(Object variables) {
        return variables instanceof Map<?, ?> map ? map.keySet().stream().map(String::valueOf).toList()
                : java.util.List.of();
    }
}
