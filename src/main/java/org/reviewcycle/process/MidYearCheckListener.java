package org.reviewcycle.process;

import static org.reviewcycle.process.AnnualReviewCycleProcess.Variables;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.reviewcycle.objective.ObjectiveService;
import org.reviewcycle.review.MidYearEntry;
import org.reviewcycle.review.ProgressStatus;
import org.reviewcycle.review.ReviewFacts;
import org.reviewcycle.review.ReviewService;
import org.springframework.stereotype.Component;

/**
 * Task_MidYearCheck, form MidYearCheck: progress on each objective. An objective whose wording
 * changes goes back to the head (Gateway_ObjectivesChangedAtMidYear).
 */
@Component("midYearCheckListener")
class MidYearCheckListener extends ReviewTaskListener {

    static final String PROGRESS = "progress";

    private final ReviewService reviews;
    private final ObjectiveService objectives;

    MidYearCheckListener(ReviewForms forms, ReviewService reviews, ObjectiveService objectives) {
        super(forms);
        this.reviews = reviews;
        this.objectives = objectives;
    }

    @Override
    List<String> inputs() {
        return List.of("overallNote");
    }

    @Override
    List<String> listInputs() {
        return List.of(PROGRESS);
    }

    @Override
    void prepare(DelegateTask task, ReviewFacts facts) {
        forms.showObjectives(task, facts);
        ReviewForms.showList(task, PROGRESS, objectives.currentObjectives(facts.review().id()).stream()
                .map(o -> ReviewForms.row("position", o.position(), "title", o.title(),
                        "successCriteria", o.successCriteria(), "status", null, "note", ""))
                .toList());
    }

    @Override
    void record(DelegateTask task, SubmittedForm form, ReviewFacts facts) {
        var entries = new ArrayList<MidYearEntry>();
        for (SubmittedForm entry : form.list(PROGRESS, "Progress")) {
            Integer position = entry.integer("position", "Progress: the objective number");
            if (position == null) {
                throw new IllegalArgumentException("Progress: every entry needs its objective number");
            }
            String label = "Objective " + position;
            entries.add(new MidYearEntry(position, entry.text("title", label + ": the objective"),
                    entry.text("successCriteria", label + ": the success criteria"),
                    entry.choice("status", label + ": progress", ProgressStatus.class),
                    entry.text("note", label + ": the note")));
        }
        boolean changed = reviews.recordMidYearCheck(facts.review().id(), entries,
                form.text("overallNote", "Overall note"));
        task.getExecution().setVariable(Variables.OBJECTIVES_CHANGED_AT_MID_YEAR, changed);
        task.getExecution().setVariable(Variables.MID_YEAR_CHECK_DONE, true);
    }
}
