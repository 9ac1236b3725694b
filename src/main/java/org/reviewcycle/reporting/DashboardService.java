package org.reviewcycle.reporting;

import static org.reviewcycle.reporting.DashboardTable.count;
import static org.reviewcycle.reporting.DashboardTable.days;
import static org.reviewcycle.reporting.DashboardTable.notCharted;
import static org.reviewcycle.reporting.DashboardTable.percent;
import static org.reviewcycle.reporting.DashboardTable.text;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import jakarta.annotation.PreDestroy;

import org.reviewcycle.process.AnnualReviewCycleProcess;
import org.reviewcycle.reporting.DashboardTable.Chart;
import org.reviewcycle.reporting.DashboardTable.Row;
import org.reviewcycle.school.Milestones;
import org.reviewcycle.school.ReviewCycle;
import org.reviewcycle.school.School;
import org.reviewcycle.school.SchoolService;
import org.reviewcycle.staff.StaffCategory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The entry point of the dashboards: a school's for its head and admins (and, in aggregate, its governors),
 * and the trust's, every school side by side. Who may read which is {@link DashboardAccess}'s to say; this
 * reads and counts. Figures are of one cycle (the school's cycle of the academic year, unless another is asked for).
 */
@Service
@Transactional(readOnly = true)
public class DashboardService {

    /** How many of the steps waiting longest the head's dashboard lists. */
    static final int LONGEST_WAITING = 10;
    /** How many of the steps overdue now the head's dashboard lists. */
    static final int OVERDUE_LISTED = 100;
    /** A step open longer than this has stalled (the trust dashboard counts them). */
    static final Duration STALLED = Duration.ofDays(14);

    private final DashboardMapper dashboards;
    private final SchoolService schools;
    /** The trust dashboard's parallel reads (three beside the request's own thread). */
    private final ExecutorService trustReads = Executors.newFixedThreadPool(3, runnable -> {
        var thread = new Thread(runnable, "trust-dashboard-read");
        thread.setDaemon(true);
        return thread;
    });

    DashboardService(DashboardMapper dashboards, SchoolService schools) {
        this.dashboards = dashboards;
        this.schools = schools;
    }

    @PreDestroy
    void stop() {
        trustReads.shutdownNow();
    }

    /** The school's cycle of {@code academicYear} (null: the current year's, else the latest planned). */
    public Optional<ReviewCycle> cycleOf(School school, String academicYear, LocalDate today) {
        List<ReviewCycle> cycles = schools.cyclesOf(school.id());
        if (academicYear != null) {
            return cycles.stream().filter(c -> c.academicYear().equals(academicYear)).findFirst();
        }
        String current = SchoolService.academicYearOf(today);
        return cycles.stream().filter(c -> c.academicYear().equals(current)).findFirst()
                .or(() -> cycles.stream().findFirst());
    }

    /** The head's dashboard; {@link #governorsView} makes the governors' from it. */
    public SchoolDashboard schoolDashboard(School school, Optional<ReviewCycle> maybeCycle, LocalDateTime now) {
        if (maybeCycle.isEmpty()) {
            return new SchoolDashboard(school, maybeCycle, null, List.of(), List.of(), false);
        }
        ReviewCycle cycle = maybeCycle.get();
        LocalDate today = now.toLocalDate();
        String previousYear = previousYear(cycle.academicYear());
        Optional<ReviewCycle> previous = schools.findCycle(school.id(), previousYear);
        List<ReviewFigures> reviews = dashboards.selectReviewFigures(cycle.id());
        Map<Long, List<String>> teams = dashboards.selectTeamMemberships(school.id()).stream()
                .collect(Collectors.groupingBy(TeamMembership::staffId, LinkedHashMap::new,
                        Collectors.mapping(TeamMembership::teamName, Collectors.toList())));
        List<PriorityFigures> priorities = dashboards.selectPriorityFigures(school.id(), cycle.id());
        int withoutPriority = dashboards.countObjectivesWithoutPriority(school.id(), cycle.id());
        List<Long> cycleIds = previous.map(p -> List.of(cycle.id(), p.id())).orElse(List.of(cycle.id()));
        List<JudgementFigures> judgements = dashboards.selectJudgements(cycleIds);

        var tables = new ArrayList<DashboardTable>();
        tables.add(completion("completion-by-team", "Completion by team", "Team", reviews, cycle, today,
                r -> teams.getOrDefault(r.staffId(), List.of("In no team")), "Objectives agreed by each person's deadline ("
                        + day(cycle.objectivesAgreedBy()) + " for teachers and leaders, "
                        + day(cycle.supportObjectivesAgreedBy()) + " for support staff, six weeks after starting for new "
                        + "starters), and how many have had their mid-year check and been signed off. Someone in two teams "
                        + "counts in both."));
        tables.add(completion("completion-by-category", "Completion by category", "Category", reviews, cycle, today,
                r -> List.of(r.category().label()), "The same, by each person's staff category."));
        tables.add(stepTimes(dashboards.selectStepTimes(cycle.id(), school.code(), now)));
        tables.add(overdue(dashboards.selectOverdueSteps(cycle.id(), school.code(), now, OVERDUE_LISTED), now));
        tables.add(waiting(dashboards.selectLongestWaiting(cycle.id(), school.code(), LONGEST_WAITING), now));
        tables.add(objectivesByPriority(priorities, withoutPriority));
        tables.add(judgements(judgements, cycle.academicYear(), previousYear));
        tables.add(cpd(priorities));
        tables.add(Moderation.table(reviews));
        StaffCoverage coverage = dashboards.countStaffWithoutReview(school.id(), cycle.id(), today);
        List<CheckPoint> checklist = new ProcessChecklist(cycle, today, reviews, coverage, withoutPriority,
                judgements, cycle.academicYear(), previousYear).points();
        return new SchoolDashboard(school, maybeCycle, previousYear, List.copyOf(tables), checklist, false);
    }

    /**
     * The same dashboard for governors: aggregates only, groups of fewer than five blanked, no names; the checklist
     * says whether each point is met, without the figures of a point about fewer than five people.
     */
    public SchoolDashboard governorsView(SchoolDashboard full) {
        List<DashboardTable> tables = full.tables().stream().filter(t -> !NAMED_TABLES.contains(t.id()))
                .map(DashboardTable::forGovernors).toList();
        return new SchoolDashboard(full.school(), full.cycle(), full.previousYear(), tables,
                full.checklist().stream().map(CheckPoint::forGovernors).toList(), true);
    }

    /** Tables whose rows are people (the steps waiting longest, the appraisers): never shown to governors. */
    static final List<String> NAMED_TABLES = List.of("steps-overdue", "waiting-longest", "moderation");

    /**
     * Every school of the trust side by side on the cycles of {@code academicYear}; the steps open now are the
     * school's reviews' of any year (a review of last year still running has stalled too).
     */
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public DashboardTable trustDashboard(String academicYear, LocalDateTime now) {
        // four independent reads at once, each on a connection of its own: the page waits for the slowest only
        var openSteps = CompletableFuture.supplyAsync(() -> dashboards.selectTrustOpenSteps(AnnualReviewCycleProcess.KEY,
                now, STALLED.toSeconds()), trustReads);
        var priorityFigures = CompletableFuture.supplyAsync(() -> dashboards.selectTrustPriorities(academicYear), trustReads);
        var outcomeFigures = CompletableFuture.supplyAsync(() -> dashboards.selectTrustOutcomes(academicYear), trustReads);
        List<SchoolFigures> schoolFigures = dashboards.selectTrustFigures(academicYear, now.toLocalDate());
        Map<String, SchoolStepTimes> steps = openSteps.join().stream()
                .filter(step -> step.tenant() != null) // reviews from before schools were tenants
                .collect(Collectors.toMap(SchoolStepTimes::tenant, Function.identity()));
        Map<Long, SchoolPriorities> priorities = priorityFigures.join().stream()
                .collect(Collectors.toMap(SchoolPriorities::schoolId, Function.identity()));
        Map<Long, SchoolOutcomes> outcomes = outcomeFigures.join().stream()
                .collect(Collectors.toMap(SchoolOutcomes::schoolId, Function.identity()));
        List<Row> rows = schoolFigures.stream().map(s -> {
            SchoolStepTimes step = steps.getOrDefault(s.schoolCode(), new SchoolStepTimes(s.schoolCode(), 0, 0, null));
            SchoolPriorities priority = priorities.getOrDefault(s.schoolId(), new SchoolPriorities(s.schoolId(), 0, 0));
            SchoolOutcomes outcome = outcomes.getOrDefault(s.schoolId(), new SchoolOutcomes(s.schoolId(), 0, 0, 0));
            int assessed = outcome.met() + outcome.partlyMet() + outcome.notMet();
            return new Row(s.schoolName(), s.reviews(), List.<Object>of(s.reviews(), share(s.agreedOnTime(), s.reviews()),
                    s.objectivesOverdue(), share(s.signedOff(), s.reviews()), step.openSteps(), step.stalledSteps(),
                    step.averageDays() == null ? 0.0 : oneDecimal(step.averageDays()),
                    priority.covered() + " of " + priority.priorities(), share(outcome.met(), assessed)),
                    "/schools/" + s.schoolId() + "/dashboard");
        }).toList();
        return new DashboardTable("schools", "Every school side by side",
                "Each school's cycle of " + academicYear + ": objectives agreed by their deadline, reviews signed off "
                        + "and objectives met (as shares); the steps open now, those open for more than "
                        + STALLED.toDays() + " days and how long they have been open on average.",
                "School", List.of(notCharted(count("Reviews")), percent("Objectives agreed on time"),
                        notCharted(count("Objectives overdue")), percent("Signed off"),
                        notCharted(count("Steps open now")), notCharted(count("Open over " + STALLED.toDays() + " days")),
                        notCharted(days("Average days open")), text("Priorities covered"),
                        percent("Objectives met")),
                Chart.BARS, rows);
    }

    /** Objectives agreed on time, late, overdue or not yet due, and later milestones, per group of staff. */
    private static DashboardTable completion(String id, String title, String heading, List<ReviewFigures> reviews,
            ReviewCycle cycle, LocalDate today, Function<ReviewFigures, List<String>> groupsOf, String lead) {
        var groups = new LinkedHashMap<String, List<ReviewFigures>>();
        reviews.forEach(r -> groupsOf.apply(r).forEach(g -> groups.computeIfAbsent(g, k -> new ArrayList<>()).add(r)));
        List<Row> rows = groups.entrySet().stream().sorted(Map.Entry.comparingByKey()).map(group -> {
            int onTime = 0, late = 0, overdue = 0, notDue = 0;
            for (ReviewFigures r : group.getValue()) {
                LocalDate deadline = milestones(cycle, r).objectivesAgreedBy();
                if (r.agreedAt() != null) {
                    if (r.agreedAt().toLocalDate().isAfter(deadline)) {
                        late++;
                    } else {
                        onTime++;
                    }
                } else if (deadline.isBefore(today)) {
                    overdue++;
                } else {
                    notDue++;
                }
            }
            List<ReviewFigures> members = group.getValue();
            return new Row(group.getKey(), members.size(), List.<Object>of(onTime, late, overdue, notDue,
                    members.stream().filter(r -> r.midYearChecks() > 0).count(),
                    members.stream().filter(ReviewFigures::signedOff).count()));
        }).toList();
        return new DashboardTable(id, title, lead, heading, List.of(count("Agreed on time"), count("Agreed late"), count("Overdue"), count("Not yet due"),
                        notCharted(count("Mid-year check held")), notCharted(count("Signed off"))),
                Chart.STACKED_BARS, rows);
    }

    private static DashboardTable stepTimes(List<StepTime> steps) {
        List<Row> rows = steps.stream().map(s -> new Row(s.stepName(), s.people(),
                List.<Object>of(s.people(), s.openTasks(), oneDecimal(s.averageDays()), oneDecimal(s.longestDays()))))
                .toList();
        return new DashboardTable("step-times", "Time spent at each step",
                "From the engine's history: days each step took on average and at most (steps still open count up to now).",
                "Step", List.of(notCharted(count("People")), notCharted(count("Open now")), days("Average days"),
                        days("Longest days")),
                Chart.BARS, rows);
    }

    private static DashboardTable overdue(List<OverdueStep> steps, LocalDateTime now) {
        List<Row> rows = steps.stream().map(s -> new Row(s.revieweeName(), 1, List.<Object>of(s.stepName(),
                s.holderName() == null ? "Offered to the heads" : s.holderName(), day(s.due().toLocalDate()),
                java.time.temporal.ChronoUnit.DAYS.between(s.due().toLocalDate(), now.toLocalDate())),
                "/records/reviews/" + s.reviewId()))
                .toList();
        return new DashboardTable("steps-overdue", "Steps overdue now",
                "Open steps past their due date, longest overdue first" + (steps.size() == OVERDUE_LISTED
                        ? " (the first " + OVERDUE_LISTED + ")" : "") + ". Their people were reminded before the due "
                        + "date; the line manager and then you are told as the school's reminder settings say. Each "
                        + "name opens the review's record.",
                "Whose review", List.of(text("Step"), text("With"), text("Was due"), days("Days overdue")), Chart.BARS,
                rows);
    }

    private static DashboardTable waiting(List<WaitingStep> steps, LocalDateTime now) {
        List<Row> rows = steps.stream().map(s -> new Row(s.revieweeName(), 1, List.<Object>of(s.stepName(),
                s.holderName() == null ? "Offered to a group" : s.holderName(),
                oneDecimal(Duration.between(s.waitingSince(), now).toHours() / 24.0)), "/records/reviews/" + s.reviewId()))
                .toList();
        return new DashboardTable("waiting-longest", "Reviews waiting longest on a step now",
                "The open steps that have waited longest; each name opens the review's record.",
                "Whose review", List.of(text("Step"), text("With"), days("Days waiting")), Chart.BARS, rows);
    }

    private static DashboardTable objectivesByPriority(List<PriorityFigures> priorities, int withoutPriority) {
        var rows = new ArrayList<Row>();
        priorities.forEach(p -> rows.add(new Row(p.code() + ": " + p.title(), p.people(),
                List.<Object>of(p.objectives(), p.people()))));
        rows.add(new Row("Not linked to a priority", withoutPriority == 0 ? DashboardTable.SMALLEST_GROUP : withoutPriority,
                List.<Object>of(withoutPriority, 0)));
        return new DashboardTable("objectives-by-priority", "Objectives by school priority",
                "The objectives agreed (latest round of each review) by the improvement priority they serve; every "
                        + "objective should serve one (regulation 6(5)).",
                "Priority", List.of(count("Objectives"), notCharted(count("People"))), Chart.BARS, rows);
    }

    private static DashboardTable judgements(List<JudgementFigures> figures, String year, String previousYear) {
        var byCategory = new LinkedHashMap<StaffCategory, Map<String, JudgementFigures>>();
        figures.stream().sorted(Comparator.comparing(JudgementFigures::category))
                .forEach(f -> byCategory.computeIfAbsent(f.category(), k -> new LinkedHashMap<>()).put(f.academicYear(), f));
        List<Row> rows = byCategory.entrySet().stream().map(e -> {
            JudgementFigures before = e.getValue().get(previousYear);
            JudgementFigures now = e.getValue().get(year);
            int people = Stream.of(before, now).filter(f -> f != null).mapToInt(JudgementFigures::people).min().orElse(0);
            return new Row(e.getKey().label(), people, List.<Object>of(
                    before == null ? 0 : before.lessons(), before == null ? 0.0 : share(before.goodOrBetter(), before.lessons()),
                    now == null ? 0 : now.lessons(), now == null ? 0.0 : share(now.goodOrBetter(), now.lessons())));
        }).toList();
        return new DashboardTable("lesson-judgements", "Lessons good or better, this year against last",
                "Observed lessons judged good or outstanding, by the teacher's category, in " + previousYear + " and " + year + ".",
                "Teachers", List.of(notCharted(count("Lessons " + previousYear)), percent("Good or better " + previousYear),
                        notCharted(count("Lessons " + year)), percent("Good or better " + year)),
                Chart.BARS, rows);
    }

    private static DashboardTable cpd(List<PriorityFigures> priorities) {
        List<Row> rows = priorities.stream().map(p -> new Row(p.code() + ": " + p.title(), p.people(),
                List.<Object>of(p.cpdPlanned(), p.peopleWithCpdUndertaken(), p.met(), p.partlyMet(), p.notMet()))).toList();
        return new DashboardTable("cpd-by-priority", "CPD against priorities",
                "Per priority: objectives with CPD or support planned, people whose final review records CPD undertaken, "
                        + "and how the priority's objectives turned out.",
                "Priority", List.of(count("Objectives with CPD planned"), count("People with CPD undertaken"),
                        notCharted(count("Met")), notCharted(count("Partly met")), notCharted(count("Not met"))),
                Chart.BARS, rows);
    }

    static Milestones milestones(ReviewCycle cycle, ReviewFigures review) {
        return cycle.milestonesFor(review.category(), review.startedOn());
    }

    /** Days, averages and the like to one decimal place, as the pages and the CSV show them. */
    static double oneDecimal(double value) {
        return Math.round(value * 10) / 10.0;
    }

    /** A share in percent, 0 when there is nothing to share. */
    static double share(long part, long whole) {
        return whole == 0 ? 0.0 : Math.round(1000.0 * part / whole) / 10.0;
    }

    static String previousYear(String academicYear) {
        int autumn = Integer.parseInt(academicYear.substring(0, 4)) - 1;
        return autumn + "/" + String.format("%02d", (autumn + 1) % 100);
    }

    private static String day(LocalDate date) {
        return date.format(java.time.format.DateTimeFormatter.ofPattern("d MMMM yyyy"));
    }
}
