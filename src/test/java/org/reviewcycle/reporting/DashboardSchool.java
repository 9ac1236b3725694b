package org.reviewcycle.reporting;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

import org.reviewcycle.school.ReviewCycle;
import org.reviewcycle.school.SchoolService;
import org.reviewcycle.staff.StaffCategory;
import org.reviewcycle.staff.StaffMember;
import org.reviewcycle.staff.StaffService;
import org.reviewcycle.support.TestSchool;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A school whose dashboard figures are known: {@link TestSchool}'s head, deputy (reviewed by the head),
 * teacher and teaching assistant, and five more teachers on the main pay range (t1..t5) in the key stage 2
 * team, all reviewed by the deputy. Its 2026/27 reviews are written straight into the tables (and the
 * engine's task history), as the cycle would have left them:
 * <ul>
 * <li>objectives approved: the teacher on 20 October, t2..t5 on 1 October (on time), t1 on 5 November (late,
 * after one round returned); the deputy's and the assistant's not yet (overdue after 31 October);</li>
 * <li>latest rounds: the teacher W1 and M1 (both with CPD planned), t1 two W1, t2..t4 one W1 each, t5 one
 * objective on a priority of another school (so serving none of this school's);</li>
 * <li>observed lessons: the teacher good, t1 requires improvement, t2 outstanding; in 2025/26 the teacher
 * good and t1 inadequate;</li>
 * <li>the teacher's final review: CPD undertaken, W1 met, M1 partly met;</li>
 * <li>the engine's history: planning meetings done in 10 days (teacher) and 4 days (t1); mid-year checks
 * open for 28 days (t2, with the deputy) and 14 days (t3), counted from {@code now}.</li>
 * </ul>
 */
record DashboardSchool(TestSchool school, List<StaffMember> teachers, ReviewCycle previousCycle, long teacherReview,
        long t1Review, long t2Review, long t3Review) {

    static DashboardSchool create(SchoolService schools, StaffService staff, JdbcTemplate jdbc, TestSchool other,
            LocalDateTime now) {
        TestSchool s = TestSchool.create(schools, staff);
        String code = s.school().code();
        var teachers = new ArrayList<StaffMember>();
        for (int i = 1; i <= 5; i++) {
            String username = "t" + i + "." + code;
            StaffMember t = staff.addStaffMember(new StaffMember(null, s.school().id(), username, "Teacher" + i,
                    "Of " + code, username + "@example.org", "Class teacher", StaffCategory.TEACHER_MPG, true, false,
                    s.leader().id()), "demo");
            staff.addTeamMember(s.team().id(), t.id());
            teachers.add(t);
        }
        ReviewCycle previous = schools.planCycle(new ReviewCycle(null, s.school().id(), "2025/26",
                LocalDate.of(2025, 10, 31), LocalDate.of(2026, 2, 1), LocalDate.of(2026, 6, 15),
                LocalDate.of(2026, 7, 17), null));
        long cycle = s.cycle().id();

        long leaderReview = review(jdbc, cycle, s.leader(), s.head(), "pi-" + code + "-leader");
        long teacherReview = review(jdbc, cycle, s.teacher(), s.leader(), "pi-" + code + "-teacher");
        review(jdbc, cycle, s.assistant(), s.leader(), "pi-" + code + "-ta");
        var tReviews = new ArrayList<Long>();
        for (int i = 0; i < 5; i++) {
            tReviews.add(review(jdbc, cycle, teachers.get(i), s.leader(), "pi-" + code + "-t" + (i + 1)));
        }
        long t1 = tReviews.get(0);

        objective(jdbc, teacherReview, 1, 1, s.writing().id(), "Writing CPD");
        objective(jdbc, teacherReview, 1, 2, s.maths().id(), "Maths CPD");
        decision(jdbc, teacherReview, 1, "APPROVED", LocalDateTime.of(2026, 10, 20, 10, 0));
        objective(jdbc, t1, 1, 1, s.writing().id(), null);
        decision(jdbc, t1, 1, "RETURNED", LocalDateTime.of(2026, 10, 25, 10, 0));
        objective(jdbc, t1, 2, 1, s.writing().id(), null);
        objective(jdbc, t1, 2, 2, s.writing().id(), null);
        decision(jdbc, t1, 2, "APPROVED", LocalDateTime.of(2026, 11, 5, 10, 0));
        for (int i = 1; i < 5; i++) {
            long priority = i == 4 ? other.writing().id() : s.writing().id();
            objective(jdbc, tReviews.get(i), 1, 1, priority, null);
            decision(jdbc, tReviews.get(i), 1, "APPROVED", LocalDateTime.of(2026, 10, 1, 10, 0));
        }
        objective(jdbc, leaderReview, 1, 1, s.writing().id(), null);

        observation(jdbc, teacherReview, "GOOD");
        observation(jdbc, t1, "REQUIRES_IMPROVEMENT");
        observation(jdbc, tReviews.get(1), "OUTSTANDING");
        long lastYearTeacher = review(jdbc, previous.id(), s.teacher(), s.leader(), null);
        long lastYearT1 = review(jdbc, previous.id(), teachers.get(0), s.leader(), null);
        observation(jdbc, lastYearTeacher, "GOOD");
        observation(jdbc, lastYearT1, "INADEQUATE");

        jdbc.update("insert into final_review (review_id, round, impact_on_pupils, impact_on_practice, impact_on_colleagues,"
                + " cpd_undertaken, development_needs, pay_recommendation, created_by, created_at, updated_by, updated_at)"
                + " values (?, 1, 'More pupils write at length', 'Better modelling', 'Shared with the team',"
                + " 'Writing course', 'Greater depth', 'PROGRESS', 'test', current_timestamp, 'test', current_timestamp)",
                teacherReview);
        long finalReview = jdbc.queryForObject("select id from final_review where review_id = ?", Long.class, teacherReview);
        outcome(jdbc, finalReview, teacherReview, s.writing().id(), "MET");
        outcome(jdbc, finalReview, teacherReview, s.maths().id(), "PARTLY_MET");

        task(jdbc, "pi-" + code + "-teacher", "Task_PlanningMeeting", "Hold the planning meeting: Teacher Of " + code,
                LocalDateTime.of(2026, 10, 1, 9, 0), LocalDateTime.of(2026, 10, 11, 9, 0), s.leader().username());
        task(jdbc, "pi-" + code + "-t1", "Task_PlanningMeeting", "Hold the planning meeting: Teacher1 Of " + code,
                LocalDateTime.of(2026, 10, 1, 9, 0), LocalDateTime.of(2026, 10, 5, 9, 0), s.leader().username());
        task(jdbc, "pi-" + code + "-t2", "Task_MidYearCheck", "Hold the mid-year check: Teacher2 Of " + code,
                now.minusDays(28), null, s.leader().username());
        task(jdbc, "pi-" + code + "-t3", "Task_MidYearCheck", "Hold the mid-year check: Teacher3 Of " + code,
                now.minusDays(14), null, null);
        return new DashboardSchool(s, List.copyOf(teachers), previous, teacherReview, t1, tReviews.get(1), tReviews.get(2));
    }

    private static long review(JdbcTemplate jdbc, long cycleId, StaffMember reviewee, StaffMember reviewer,
            String processInstanceId) {
        jdbc.update("insert into review (cycle_id, staff_id, reviewer_id, state, process_instance_id, created_by, created_at,"
                + " updated_by, updated_at) values (?, ?, ?, 'IN_PROGRESS', ?, 'test', current_timestamp, 'test',"
                + " current_timestamp)", cycleId, reviewee.id(), reviewer.id(), processInstanceId);
        return jdbc.queryForObject("select id from review where cycle_id = ? and staff_id = ?", Long.class, cycleId,
                reviewee.id());
    }

    private static void objective(JdbcTemplate jdbc, long reviewId, int round, int position, long priorityId, String cpd) {
        jdbc.update("insert into objective (review_id, round, position, priority_id, title, success_criteria, evidence,"
                + " cpd_support, created_by, created_at, updated_by, updated_at) values (?, ?, ?, ?, 'An objective',"
                + " 'Criteria', 'Evidence', ?, 'test', current_timestamp, 'test', current_timestamp)",
                reviewId, round, position, priorityId, cpd);
    }

    private static void decision(JdbcTemplate jdbc, long reviewId, int round, String decision, LocalDateTime at) {
        jdbc.update("insert into objective_decision (review_id, round, decision, reason, created_by, created_at, updated_by,"
                + " updated_at) values (?, ?, ?, ?, 'test', ?, 'test', ?)", reviewId, round, decision,
                decision.equals("RETURNED") ? "Make it measurable" : null, Timestamp.valueOf(at), Timestamp.valueOf(at));
    }

    private static void observation(JdbcTemplate jdbc, long reviewId, String judgement) {
        jdbc.update("insert into lesson_observation (review_id, observer, observed_on, judgement, strengths, areas_to_develop,"
                + " created_by, created_at, updated_by, updated_at) values (?, 'test', ?, ?, 'Pace', 'Questioning',"
                + " 'test', current_timestamp, 'test', current_timestamp)", reviewId, LocalDate.of(2026, 11, 10), judgement);
    }

    private static void outcome(JdbcTemplate jdbc, long finalReviewId, long reviewId, long priorityId, String outcome) {
        long objective = jdbc.queryForObject("select id from objective where review_id = ? and priority_id = ?", Long.class,
                reviewId, priorityId);
        jdbc.update("insert into objective_outcome (final_review_id, objective_id, outcome, evidence, created_by, created_at,"
                + " updated_by, updated_at) values (?, ?, ?, 'Work samples', 'test', current_timestamp, 'test',"
                + " current_timestamp)", finalReviewId, objective, outcome);
    }

    private static void task(JdbcTemplate jdbc, String processInstanceId, String key, String name, LocalDateTime start,
            LocalDateTime end, String assignee) {
        jdbc.update("insert into ACT_HI_TASKINST (ID_, TASK_DEF_KEY_, PROC_DEF_KEY_, PROC_INST_ID_, NAME_, ASSIGNEE_,"
                + " START_TIME_, END_TIME_, DURATION_, DELETE_REASON_, TENANT_ID_)"
                + " values (?, ?, 'AnnualReviewCycle', ?, ?, ?, ?, ?, ?, ?, ?)",
                processInstanceId + "-" + key, key, processInstanceId, name, assignee, Timestamp.valueOf(start),
                end == null ? null : Timestamp.valueOf(end),
                end == null ? null : java.time.Duration.between(start, end).toMillis(), end == null ? null : "completed",
                processInstanceId.substring(3, processInstanceId.lastIndexOf('-')));
    }
}
