package org.reviewcycle.demo;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.reviewcycle.process.AnnualReviewCycleProcess;
import org.camunda.spin.plugin.variable.SpinValues;
import org.reviewcycle.process.CycleLauncher;
import org.reviewcycle.review.Review;
import org.reviewcycle.review.ReviewService;
import org.reviewcycle.school.SchoolService;
import org.reviewcycle.staff.StaffService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Launches the demo school's cycle (the academic year that contains today) and does some of its steps, as the demo users would in
 * Tasklist, so that each of them finds real work: teachers at their self-reflection, the deputy
 * with planning meetings to hold, the head with objectives to approve (one returned once already),
 * the learning mentor's review at the mid-year check, and the office administrator's review done.
 * The objectives are the ones Littletown wrote (seed 002).
 */
@Component
@ConditionalOnProperty(name = "reviewcycle.demo.enabled", havingValue = "true")
class DemoCycle {

    private static final Logger log = LoggerFactory.getLogger(DemoCycle.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final SchoolService schools;
    private final StaffService staff;
    private final ReviewService reviews;
    private final CycleLauncher launcher;
    private final TaskService tasks;
    private final FormService forms;
    private final IdentityService identity;
    private final ManagementService management;
    private final DemoSchool demoSchool;

    DemoCycle(SchoolService schools, StaffService staff, ReviewService reviews, CycleLauncher launcher,
            TaskService tasks, FormService forms, IdentityService identity, ManagementService management,
            DemoSchool demoSchool) {
        this.schools = schools;
        this.staff = staff;
        this.reviews = reviews;
        this.launcher = launcher;
        this.tasks = tasks;
        this.forms = forms;
        this.identity = identity;
        this.management = management;
        this.demoSchool = demoSchool;
    }

    void launchAndProgress() {
        var school = schools.findSchool(DemoSchool.CODE).orElseThrow();
        var cycle = schools.findCycle(school.id(), demoSchool.academicYear()).orElseThrow();
        launcher.launch(cycle.id());
        // the second school's reviews are started and left at their first steps
        var second = schools.findSchool(DemoSchool.SECOND_CODE).orElseThrow();
        launcher.launch(schools.findCycle(second.id(), demoSchool.academicYear()).orElseThrow().id());

        // The deputy holds two planning meetings; Amy Clarke (teacher.mpg) still has her self-reflection to do.
        reflect("teacher.ups");
        reflect("ey.teacher");
        // Two objectives await the head: the HLTA's, and the teaching assistant's, returned once.
        reflect("hlta");
        plan("hlta", "literacy.lead", objective(
                "To plan, prepare and deliver activities to develop and extend the writing skills of identified groups of pupils.",
                "Planning shows differentiated support and opportunities to develop writing skills. Identified groups make good progress from their starting points, and more of them work at the expected standard in writing by July.",
                "Displays, photographs, writing products, pupils' work, HLTA's planning, pupils' perceptions of their writing",
                "Whole staff professional learning on new approaches to writing; joint planning with the literacy lead"));
        reflect("ta");
        plan("ta", "literacy.lead", objective(
                "To support writing for identified groups.",
                "Pupils improve.",
                "Classroom observation",
                "Whole staff professional learning sessions"));
        decide("ta", "RETURN", "Say which groups, and make the success criteria measurable: how will you both know the pupils improved?");
        plan("ta", "literacy.lead", objective(
                "To support the development of writing skills for identified groups and individuals, in line with teachers' planning, through specific interventions.",
                "Evaluations of group activities and interventions show progress; feedback to the teacher on the achievement of each pupil in the groups.",
                "Notes added to teachers' planning, feedback post-its, classroom observation, pupils' views, home-school log book",
                "Joint planning sessions with the literacy lead and the HLTA; professional learning on the pupil progress tracker"));
        // The learning mentor's review has reached the mid-year check.
        reflect("mentor");
        plan("mentor", "literacy.lead", objective(
                "To identify strategies for individual pupils to increase their engagement with literacy class work and homework.",
                "Identified pupils have clear action plans to improve their engagement with writing in and beyond the classroom.",
                "Individual plans; feedback from teachers, pupils and parents; support timetable; notes from support activities",
                "LA learning mentor SWIS modules; coaching from the key stage co-ordinators"));
        decide("mentor", "APPROVE", null);
        submit("mentor", "mentor", values("response", "ACKNOWLEDGE"));
        fireTimer("mentor");
        // The school administrator's review is complete.
        reflect("office");
        plan("office", "admin", objective(
                "To complete data entry to support the electronic recording and reporting of pupil progress in writing.",
                "Tracking records are accurate, complete and up to date; reports are generated accurately and on time.",
                "Tracking records, reports, teacher feedback, parent responses",
                "MIS training from previously trained administrators"));
        decide("office", "APPROVE", null);
        submit("office", "office", values("response", "ACKNOWLEDGE"));
        fireTimer("office");
        submit("office", "admin", values("progress", json(List.of(values("position", 1,
                "title", "To complete data entry to support the electronic recording and reporting of pupil progress in writing.",
                "successCriteria", "Tracking records are accurate, complete and up to date; reports are generated accurately and on time.",
                "status", "ON_TRACK", "note", "Autumn data entered a week before the progress meetings"))),
                "overallNote", "Linda has taken on the new tracker confidently."));
        fireTimer("office");
        submit("office", "office", values("selfReview", json(List.of(values("position", 1,
                "title", "To complete data entry to support the electronic recording and reporting of pupil progress in writing.",
                "achieved", "Entered all three data drops on time and built the termly report from the tracker",
                "evidence", "Tracker audit log; no corrections at moderation"))),
                "overall", "A good year: I can now run the reports without help."));
        submit("office", "admin", values("outcomes", json(List.of(values("position", 1,
                "title", "To complete data entry to support the electronic recording and reporting of pupil progress in writing.",
                "outcome", "MET", "evidence", "All three data drops entered on time; no corrections needed at moderation"))),
                "impactOnPupils", "Teachers had writing data for every pupil at each progress meeting",
                "impactOnPractice", "Reports now produced from the tracker rather than by hand",
                "impactOnColleagues", "Class teachers save about an hour per data drop",
                "cpdUndertaken", "MIS training (two sessions)", "cpdImpact", "Can now build the termly report alone",
                "developmentNeeds", "Training on attendance reporting"));
        submit("office", "office", values("revieweeComments", "I enjoyed learning the new tracker.", "confirmRead", true));
        submit("office", "head", values("decision", "SIGN_OFF", "moderationNote", "Consistent with support staff reviews"));
        log.info("Brought the demo cycle {} to realistic states", cycle.academicYear());
    }

    private void reflect(String reviewee) {
        submit(reviewee, reviewee, values("strengths", "Good relationships with pupils and colleagues",
                "developmentWishes", "Supporting pupils' writing", "objectiveIdeas", "Something linked to the writing priority"));
    }

    private void plan(String reviewee, String reviewer, Map<String, Object> objective) {
        submit(reviewee, reviewer, values("objectives", json(List.of(objective))));
    }

    private void decide(String reviewee, String decision, String reason) {
        submit(reviewee, "head", values("decision", decision, "returnReason", reason));
    }

    private static Map<String, Object> objective(String title, String criteria, String evidence, String cpd) {
        return values("title", title, "priorityCode", "W1", "successCriteria", criteria, "evidence", evidence,
                "cpdSupport", cpd, "joint", false);
    }

    /** Completes the open task of {@code reviewee}'s review as {@code actor}, as Tasklist would. */
    private void submit(String reviewee, String actor, Map<String, Object> values) {
        Task task = tasks.createTaskQuery().processInstanceBusinessKey(String.valueOf(reviewOf(reviewee).id()))
                .singleResult();
        identity.setAuthentication(actor, staff.groupIdsOf(actor), staff.tenantIdsOf(actor));
        try {
            if (task.getAssignee() == null) {
                tasks.claim(task.getId(), actor);
            }
            forms.submitTaskForm(task.getId(), values);
        } finally {
            identity.clearAuthentication();
        }
    }

    /**
     * Runs the timer the review waits at. Late in the school year its date has passed, and the job
     * executor may run it first: then there is no timer, or running it as well fails (the engine's
     * optimistic locking, or the job gone); either way the job executor's run has moved the review on.
     */
    private void fireTimer(String reviewee) {
        var job = AnnualReviewCycleProcess.waitingTimer(management, reviewOf(reviewee).processInstanceId());
        if (job == null) {
            return;
        }
        try {
            management.executeJob(job.getId());
        } catch (ProcessEngineException e) {
            if (management.createJobQuery().jobId(job.getId()).count() > 0) {
                throw e;
            }
            log.debug("The job executor ran the timer of {}'s review first", reviewee);
        }
    }

    private Review reviewOf(String username) {
        var member = staff.findByUsername(username).orElseThrow();
        var school = schools.findSchool(DemoSchool.CODE).orElseThrow();
        var cycle = schools.findCycle(school.id(), demoSchool.academicYear()).orElseThrow();
        return reviews.reviewsIn(cycle.id()).stream().filter(r -> r.staffId().equals(member.id())).findFirst()
                .orElseThrow();
    }

    private static Map<String, Object> values(Object... keysAndValues) {
        var map = new HashMap<String, Object>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    private static Object json(Object value) {
        try {
            return SpinValues.jsonValue(JSON.writeValueAsString(value)).create();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
