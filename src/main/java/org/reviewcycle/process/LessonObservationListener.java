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

    @Override
    void prepare(DelegateTask task, ReviewFacts facts) {
        forms.showObjectives(task, facts);
        forms.showObjectiveOptions(task, facts);
        Object loopCounter = task.getExecution().getVariable("loopCounter");
        task.setVariableLocal("observationNumber", loopCounter instanceof Integer n ? n + 1 : 1);
        task.setVariableLocal("observationCount", task.getVariable(Variables.OBSERVATION_COUNT));
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
