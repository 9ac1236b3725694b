package org.reviewcycle.process;

import static org.reviewcycle.process.AnnualReviewCycleProcess.Variables;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngines;
import org.camunda.bpm.engine.rest.dto.VariableValueDto;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.type.ValueType;
import org.reviewcycle.review.ReviewFacts;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;

/**
 * Adds the facts every review form introduces itself with ({@link ReviewForms#commonFacts}: whose
 * review, their job, their team leader, the school, the year) to the answer of
 * GET task/{id}/form-variables, which Tasklist reads when it opens a Camunda Form, under
 * /engine-rest and the webapps' engine API alike (registered by {@link SubmissionRestFeature}).
 * The facts are read from our tables then, never kept on the task. The request has already passed
 * the engine's check that the person may read the task; a task of another process (no review id)
 * is left as it is.
 */
final class FormFactsInAnswers implements ContainerResponseFilter {

    /** Each running engine's forms, registered by {@link Registration} as the application starts. */
    private static final Map<ProcessEngine, ReviewForms> FORMS = new ConcurrentHashMap<>();

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        String taskId = SubmissionPaths.formVariablesTask(request.getUriInfo());
        if (taskId == null || !"GET".equals(request.getMethod()) || response.getStatus() != 200
                || !(response.getEntity() instanceof Map<?, ?> variables)) {
            return;
        }
        String engineName = SubmissionPaths.engineName(request.getUriInfo());
        ProcessEngine engine = engineName == null ? ProcessEngines.getDefaultProcessEngine()
                : ProcessEngines.getProcessEngine(engineName);
        ReviewForms forms = engine == null ? null : FORMS.get(engine);
        ReviewFacts facts = forms == null ? null : factsOfTheTasksReview(engine, forms, taskId);
        if (facts == null) {
            return;
        }
        List<String> asked = askedFor(request);
        var answer = new LinkedHashMap<Object, Object>(variables);
        forms.commonFacts(facts).forEach((name, text) -> {
            if (asked == null || asked.contains(name)) {
                answer.put(name, text(text));
            }
        });
        response.setEntity(answer);
    }

    /**
     * The facts of the review the task belongs to; null for a task of another process. The review id
     * the task sees counts only when that review's row records the task's own process instance: an
     * admin may set variables on a task of their school, and a review id put there must not bring
     * another school's review into the answer.
     */
    private static ReviewFacts factsOfTheTasksReview(ProcessEngine engine, ReviewForms forms, String taskId) {
        Task task = engine.getTaskService().createTaskQuery().taskId(taskId).singleResult();
        Object id = task == null || task.getProcessInstanceId() == null ? null
                : engine.getTaskService().getVariable(taskId, Variables.REVIEW_ID);
        if (!(id instanceof Number reviewId)) {
            return null;
        }
        try {
            ReviewFacts facts = forms.facts(reviewId.longValue());
            return task.getProcessInstanceId().equals(facts.review().processInstanceId()) ? facts : null;
        } catch (IllegalArgumentException noSuchReview) {
            return null;
        }
    }

    /** The names of ?variableNames=a,b; null when the request asks for every variable. */
    private static List<String> askedFor(ContainerRequestContext request) {
        String names = request.getUriInfo().getQueryParameters().getFirst("variableNames");
        return names == null || names.isBlank() ? null : List.of(names.split(","));
    }

    private static VariableValueDto text(String value) {
        var dto = new VariableValueDto();
        dto.setType(VariableValueDto.toRestApiTypeName(ValueType.STRING.getName()));
        dto.setValue(value);
        dto.setValueInfo(Map.of());
        return dto;
    }

    /** Makes the application's forms known to the filter for its engine, for as long as the application runs. */
    @Component
    static class Registration implements DisposableBean {

        private final ProcessEngine engine;

        Registration(ProcessEngine engine, ReviewForms forms) {
            this.engine = engine;
            FORMS.put(engine, forms);
        }

        @Override
        public void destroy() {
            FORMS.remove(engine);
        }
    }
}
