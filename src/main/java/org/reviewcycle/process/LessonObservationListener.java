package org.reviewcycle.process;

import static org.reviewcycle.process.AnnualReviewCycleProcess.Variables;

import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.reviewcycle.observation.Judgement;
import org.reviewcycle.observation.ObservationService;
import org.reviewcycle.review.ReviewFacts;
import org.springframework.stereotype.Component;

/**
 * Task_LessonObservation (one per observation the ReviewPlan decision asks for), form
 * LessonObservation. The observer is whoever the task is assigned to: the reviewer unless changed.
 */
@Component("lessonObservationListener")
class LessonObservationListener extends ReviewTaskListener {

    private final ObservationService observations;

    LessonObservationListener(ReviewForms forms, ObservationService observations) {
        super(forms);
        this.observations = observations;
    }

    @Override
    List<String> inputs() {
        return List.of("observationDate", "judgement", "strengths", "areasToDevelop", "cpdNeeds");
    }

    @Override
    List<String> listInputs() {
        return List.of("focusObjectives");
    }

    /** "Observe a lesson 1 of 2" where the review plan asks for several, so that each task in the list is told apart. */
    @Override
    String title(DelegateTask task) {
        int count = count(task);
        return count > 1 ? task.getName() + " " + number(task) + " of " + count : task.getName();
    }

    @Override
    void prepare(DelegateTask task, ReviewFacts facts) {
        forms.showObjectives(task, facts);
        forms.showObjectiveOptions(task, facts);
        task.setVariableLocal("observationNumber", number(task));
        task.setVariableLocal("observationCount", count(task));
    }

    /** Which observation this is: the sequential multi-instance's loopCounter counts from 0. */
    private static int number(DelegateTask task) {
        return task.getExecution().getVariable("loopCounter") instanceof Integer n ? n + 1 : 1;
    }

    /** How many observations the ReviewPlan decision asked for. */
    private static int count(DelegateTask task) {
        return task.getVariable(Variables.OBSERVATION_COUNT) instanceof Number n ? n.intValue() : 1;
    }

    @Override
    void record(DelegateTask task, SubmittedForm form, ReviewFacts facts) {
        String observer = task.getAssignee() != null ? task.getAssignee() : facts.reviewer().username();
        observations.record(facts.review().id(), observer, form.date("observationDate", "Date of the observation"),
                form.integers("focusObjectives", "Objectives in focus"),
                form.choice("judgement", "Judgement", Judgement.class),
                form.text("strengths", "Strengths"), form.text("areasToDevelop", "Areas to develop"),
                form.text("cpdNeeds", "CPD needs"));
    }
}
