package org.reviewcycle.dryrun;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.reviewcycle.school.SchoolService;
import org.reviewcycle.staff.StaffCategory;
import org.reviewcycle.staff.StaffService;
import org.reviewcycle.support.MariaDbTest;
import org.reviewcycle.support.TestSchool;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The dry run on MariaDB, as in production: the shipped model's path for each staff category, the
 * problems of a broken model, and that nothing of a dry run is left in any table.
 */
@MariaDbTest
class DryRunServiceOnMariaDbTest {

    @Autowired DryRunService dryRuns;
    @Autowired SchoolService schools;
    @Autowired StaffService staff;
    @Autowired DataSource dataSource;
    @Autowired org.camunda.bpm.engine.ProcessEngine engine;

    static String shippedModel() throws IOException {
        return Files.readString(Path.of("bpmn/AnnualReviewCycle.bpmn"), StandardCharsets.UTF_8);
    }

    /**
     * The shipped model with a step added before the mid-year check that nobody is given (no
     * assignee, no candidates). The deploy gate keeps the shipped steps' assignments, so the step
     * nobody gets is a new one.
     */
    static String modelWithAStepNobodyGets() throws IOException {
        String model = shippedModel();
        String changed = model
                .replace("<bpmn:sequenceFlow id=\"Flow_ToMidYearCheck\" sourceRef=\"Event_MidYearReached\" targetRef=\"Task_MidYearCheck\" />",
                        "<bpmn:sequenceFlow id=\"Flow_ToMidYearCheck\" sourceRef=\"Event_MidYearReached\" targetRef=\"Task_AgreeMidYearNotes\" />"
                        + "<bpmn:userTask id=\"Task_AgreeMidYearNotes\" name=\"Agree the mid-year notes\">"
                        + "<bpmn:incoming>Flow_ToMidYearCheck</bpmn:incoming><bpmn:outgoing>Flow_AfterMidYearNotes</bpmn:outgoing></bpmn:userTask>"
                        + "<bpmn:sequenceFlow id=\"Flow_AfterMidYearNotes\" sourceRef=\"Task_AgreeMidYearNotes\" targetRef=\"Task_MidYearCheck\" />")
                .replace("<bpmn:incoming>Flow_ToMidYearCheck</bpmn:incoming>\n      <bpmn:outgoing>Flow_ToObjectivesChangedDecision</bpmn:outgoing>",
                        "<bpmn:incoming>Flow_AfterMidYearNotes</bpmn:incoming>\n      <bpmn:outgoing>Flow_ToObjectivesChangedDecision</bpmn:outgoing>");
        if (!changed.contains("Flow_AfterMidYearNotes</bpmn:incoming>")) {
            throw new IllegalStateException("The shipped model changed: the test's step cannot be added");
        }
        return changed;
    }

    @Test
    void shippedModelGivesEachCategoryItsPathWithRealPeopleAndTheCyclesDates() {
        var school = TestSchool.create(schools, staff);

        DryRunReport report = dryRuns.dryRun(school.school().id(), DryRunModel.current());

        assertThat(report.problems()).isEmpty();
        assertThat(report.passed()).isTrue();
        assertThat(report.refusal()).isNull();
        DryRunPath teacher = path(report, StaffCategory.TEACHER_MPG);
        assertThat(teacher.ended()).isTrue();
        assertThat(teacher.reviewee()).isEqualTo(school.teacher().fullName());
        assertThat(teacher.reviewer()).isEqualTo(school.leader().fullName());
        String amy = school.teacher().fullName();
        assertThat(teacher.steps()).extracting(DryRunStep::name).containsSubsequence(
                "Reflect before the planning meeting: " + amy, "Hold the planning meeting: " + amy,
                "Approve or return the objectives: " + amy, "Acknowledge the objectives: " + amy,
                "Hold the mid-year check: " + amy, "Observe a lesson 1 of 2: " + amy, "Observe a lesson 2 of 2: " + amy,
                "Write your self-review: " + amy, "Hold the final review: " + amy, "Add comments and sign the review: " + amy,
                "Moderate and sign off the review: " + amy);
        assertThat(step(teacher, "Hold the planning meeting").who())
                .isEqualTo(school.leader().fullName() + " (reviewer)");
        assertThat(step(teacher, "Approve or return the objectives").who())
                .isEqualTo(school.head().fullName() + " (head)");
        assertThat(step(teacher, "Reflect before the planning meeting").who())
                .isEqualTo(amy + " (the member of staff)");
        // the cycle's dates: objectives by 31 October, the timers at the mid-year and final review dates
        assertThat(step(teacher, "Hold the planning meeting").due()).isEqualTo(school.cycle().objectivesAgreedBy());
        assertThat(teacher.steps()).filteredOn(s -> s.kind().equals("timer")).extracting(DryRunStep::due)
                .containsExactly(school.cycle().midYearCheckFrom(), school.cycle().finalReviewFrom());
        assertThat(step(teacher, "Hold the final review").due()).isEqualTo(school.cycle().finalReviewDue());
        assertThat(step(teacher, "Write your self-review").who()).isEqualTo(amy + " (the member of staff)");
        // the dry run's answers acknowledge and agree: no disagreement reaches the head
        assertThat(teacher.steps()).extracting(DryRunStep::name).noneMatch(name -> name.startsWith("Respond to"));

        DryRunPath assistant = path(report, StaffCategory.TEACHING_ASSISTANT);
        assertThat(assistant.ended()).isTrue();
        assertThat(assistant.steps()).extracting(DryRunStep::name).noneMatch(name -> name.startsWith("Observe a lesson"));

        DryRunPath deputy = path(report, StaffCategory.DEPUTY_HEAD);
        assertThat(deputy.steps()).extracting(DryRunStep::name)
                .filteredOn(name -> name.startsWith("Observe a lesson")).hasSize(1);
        assertThat(step(deputy, "Hold the planning meeting").who()).isEqualTo(school.head().fullName() + " (reviewer)");

        // the head has no reviewer (governors review heads): a launch gives them no review, and neither does the dry run
        DryRunPath head = path(report, StaffCategory.HEADTEACHER);
        assertThat(head.run()).isFalse();
        assertThat(head.notRun()).contains(school.head().fullName(), "No reviewer yet", "governors");
    }

    @Test
    void aTaskNoPathReachesIsAProblem() throws IOException {
        var school = TestSchool.create(schools, staff);
        String model = shippedModel().replace("<bpmn:intermediateCatchEvent id=\"Event_MidYearReached\"",
                "<bpmn:userTask id=\"Task_Forgotten\" name=\"Forgotten step\" camunda:assignee=\"${reviewerUsername}\" />\n"
                        + "    <bpmn:intermediateCatchEvent id=\"Event_MidYearReached\"");

        DryRunReport report = dryRuns.dryRun(school.school().id(), new DryRunModel(model, null, null));

        assertThat(report.passed()).isFalse();
        assertThat(report.problems()).anyMatch(p -> p.contains("“Forgotten step” (Task_Forgotten) cannot be reached"));
        assertThat(report.refusal()).startsWith("This model cannot be published").contains("Forgotten step");
    }

    @Test
    void aModelWithoutIncomingAndOutgoingListsIsReachedThroughItsFlows() throws IOException {
        // <bpmn:incoming>/<bpmn:outgoing> are optional: the engine follows the flows' sourceRef and targetRef,
        // and so must the dry run (Camunda Modeler writes the lists, other tools and hand-written XML may not)
        var school = TestSchool.create(schools, staff);
        String model = shippedModel().replaceAll("\\s*<bpmn:(incoming|outgoing)>[^<]*</bpmn:(incoming|outgoing)>", "");

        DryRunReport report = dryRuns.dryRun(school.school().id(), new DryRunModel(model, null, null));

        assertThat(report.problems()).isEmpty();
        assertThat(report.passed()).isTrue();
    }

    @Test
    void aTaskNobodyCanBeGivenIsAProblem() throws IOException {
        var school = TestSchool.create(schools, staff);
        String model = modelWithAStepNobodyGets();

        DryRunReport report = dryRuns.dryRun(school.school().id(), new DryRunModel(model, null, null));

        assertThat(report.passed()).isFalse();
        // one problem for the step, naming the paths it stops
        assertThat(report.problems()).filteredOn(p -> p.contains("Agree the mid-year notes")).singleElement()
                .asString().startsWith("Nobody can be given “Agree the mid-year notes” (Task_AgreeMidYearNotes)")
                .contains("Teacher (main pay range)", "Teaching assistant", "Deputy head");
        assertThat(path(report, StaffCategory.TEACHER_MPG).problems()).singleElement().asString()
                .startsWith("Nobody can be given “Agree the mid-year notes”");
        assertThat(step(path(report, StaffCategory.TEACHER_MPG), "Agree the mid-year notes").who()).isEqualTo("nobody");
    }

    @Test
    void anErrorWhileRunningIsASentenceAndAPathThatNeverEndsIsCaught() throws IOException {
        var school = TestSchool.create(schools, staff);
        // the head's sign-off always returns the review: the final review and the sign-offs go round for ever
        String loops = shippedModel().replace("${!finalReviewSignedOff}", "${true}")
                .replace("${finalReviewSignedOff}", "${false}");
        DryRunReport looping = dryRuns.dryRun(school.school().id(), new DryRunModel(loops, null, null));
        assertThat(looping.problems()).anyMatch(p -> p.contains("never ends"));

        String broken = shippedModel().replace("${observationCount &gt; 0}", "${observationsWanted &gt; 0}");
        DryRunReport report = dryRuns.dryRun(school.school().id(), new DryRunModel(broken, null, null));
        assertThat(report.problems()).anyMatch(p -> p.contains("The model stops with an error")
                && p.contains("observationsWanted") && !p.contains("Exception") && !p.contains("ENGINE-"));
    }

    @Test
    void nothingOfADryRunIsLeftInAnyTableAndConcurrentDryRunsDoNotMeet() throws Exception {
        var school = TestSchool.create(schools, staff);
        var other = TestSchool.create(schools, staff);
        // other tests may write meanwhile (they share the database); a dry run that left rows would leave them every time
        Map<String, Long> before = null;
        Map<String, Long> after = null;
        for (int attempt = 0; attempt < 3 && (before == null || !before.equals(after)); attempt++) {
            before = rowCounts();
            var pool = Executors.newFixedThreadPool(3);
            try {
                List<Future<DryRunReport>> runs = List.of(
                        pool.submit(() -> dryRuns.dryRun(school.school().id(), DryRunModel.current())),
                        pool.submit(() -> dryRuns.dryRun(school.school().id(), DryRunModel.current())),
                        pool.submit(() -> dryRuns.dryRun(other.school().id(), DryRunModel.current())));
                for (Future<DryRunReport> run : runs) {
                    assertThat(run.get().problems()).isEmpty();
                    assertThat(path(run.get(), StaffCategory.TEACHER_MPG).ended()).isTrue();
                }
            } finally {
                pool.shutdown();
            }
            after = rowCounts();
        }
        assertThat(after).isEqualTo(before);
        // and the engine keeps nothing of the sandbox deployment in its cache
        var cache = ((org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration())
                .getDeploymentCache();
        assertThat(cache.getProcessDefinitionCache().keySet()).noneMatch(id -> {
            var definition = cache.getProcessDefinitionCache().get(id);
            return definition != null && String.valueOf(definition.getTenantId()).startsWith(DryRunService.SANDBOX_TENANT_PREFIX);
        });
        assertThat(cache.getDecisionDefinitionCache().keySet()).noneMatch(id -> {
            var definition = cache.getDecisionDefinitionCache().get(id);
            return definition != null && String.valueOf(definition.getTenantId()).startsWith(DryRunService.SANDBOX_TENANT_PREFIX);
        });
        assertThat(cache.getBpmnModelInstanceCache().keySet()).allMatch(id ->
                engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionId(id).count() == 1);
        var jdbc = new JdbcTemplate(dataSource);
        assertThat(jdbc.queryForObject("select count(*) from ACT_RE_DEPLOYMENT where TENANT_ID_ like 'dryrun-%'",
                Long.class)).isZero();
        assertThat(jdbc.queryForObject("select count(*) from ACT_RU_JOB where TENANT_ID_ like 'dryrun-%'",
                Long.class)).isZero();
        assertThat(jdbc.queryForObject("select count(*) from review_cycle where school_id = ?", Long.class,
                school.school().id())).isEqualTo(1);
    }

    private Map<String, Long> rowCounts() {
        var jdbc = new JdbcTemplate(dataSource);
        var counts = new LinkedHashMap<String, Long>();
        for (String table : jdbc.queryForList("select table_name from information_schema.tables "
                + "where table_schema = database() and table_type = 'BASE TABLE' order by table_name", String.class)) {
            counts.put(table, jdbc.queryForObject("select count(*) from `" + table + "`", Long.class));
        }
        assertThat(counts).containsKeys("review", "objective", "review_cycle").hasKeySatisfying(
                new org.assertj.core.api.Condition<>(t -> t.toUpperCase().startsWith("ACT_RU_TASK"), "ACT_"));
        return counts;
    }

    static DryRunPath path(DryRunReport report, StaffCategory category) {
        return report.paths().stream().filter(p -> p.category().equals(category.label())).findFirst().orElseThrow();
    }

    static DryRunStep step(DryRunPath path, String name) {
        return path.steps().stream().filter(s -> s.name().startsWith(name)).findFirst().orElseThrow();
    }
}
