package org.reviewcycle.departure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.reviewcycle.support.ReviewDriver.objective;
import static org.reviewcycle.support.ReviewDriver.objectives;
import static org.reviewcycle.support.ReviewDriver.values;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.ZipInputStream;

import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.Test;
import org.reviewcycle.process.CycleLauncher;
import org.reviewcycle.review.Review;
import org.reviewcycle.review.ReviewService;
import org.reviewcycle.school.SchoolService;
import org.reviewcycle.history.AdministrationHistory;
import org.reviewcycle.staff.StaffCategory;
import org.reviewcycle.staff.StaffMember;
import org.reviewcycle.staff.StaffMove;
import org.reviewcycle.staff.StaffService;
import org.reviewcycle.support.MariaDbTest;
import org.reviewcycle.support.ReviewDriver;
import org.reviewcycle.support.TestSchool;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.context.support.WithMockUser;

/**
 * A school with a launched, partly done cycle leaves the trust: its export holds its records, and
 * after its deletion no row of it is left in any table of ours or of the engine, while the other
 * school's records are exactly as they were.
 */
@MariaDbTest
@WithMockUser(username = "admin", authorities = {"admins", "trust-admins"})
class SchoolDepartureOnMariaDbTest {

    @Autowired SchoolDeparture departure;
    @Autowired SchoolService schools;
    @Autowired StaffService staff;
    @Autowired ReviewService reviews;
    @Autowired CycleLauncher launcher;
    @Autowired TaskService tasks;
    @Autowired FormService forms;
    @Autowired IdentityService identity;
    @Autowired ManagementService management;
    @Autowired RuntimeService runtime;
    @Autowired RepositoryService repository;
    @Autowired JdbcTemplate jdbc;
    @Autowired AdministrationHistory history;

    @Test
    void noRowOfTheSchoolRemainsAnywhereAndTheOtherSchoolIsUntouched() throws IOException {
        TestSchool kept = TestSchool.create(schools, staff);
        launcher.launch(kept.cycle().id());
        Map<String, Long> ourRowsBefore = ourRowCounts();

        TestSchool leaving = TestSchool.create(schools, staff);
        launcher.launch(leaving.cycle().id());
        workOnTheCycle(leaving);
        leaveLaunchAndImportRows(leaving);
        // a process of the school's tenant that no review names: found and deleted by the tenant id
        String tenantInstance = startTenantProcess(leaving.school().code());
        List<String> instances = new ArrayList<>(reviews.reviewsIn(leaving.cycle().id()).stream()
                .map(Review::processInstanceId).toList());
        instances.add(tenantInstance);
        assertThat(engineRowsOf(leaving.school().code(), instances)).isNotEmpty();
        Map<String, byte[]> keptExportBefore = unzip(export(kept.school().id()));
        List<String> keptInstances = reviews.reviewsIn(kept.cycle().id()).stream().map(Review::processInstanceId).toList();

        departure.leave(leaving.school().id(), "  " + leaving.school().name().toUpperCase() + " ");

        Map<String, Long> ourRowsAfter = ourRowCounts();
        // one row more than before the school existed: the trust's note that it left
        ourRowsBefore.merge("admin_change", 1L, Long::sum);
        assertThat(ourRowsAfter).isEqualTo(ourRowsBefore);
        assertThat(jdbc.queryForObject("select count(*) from admin_change where school_id = ?", Long.class,
                leaving.school().id())).isZero();
        assertThat(engineRowsOf(leaving.school().code(), instances)).isEmpty();

        assertThat(unzip(export(kept.school().id()))).usingRecursiveComparison().ignoringFields("school.json")
                .isEqualTo(keptExportBefore);
        assertThat(runtime.createProcessInstanceQuery().processInstanceIds(new java.util.HashSet<>(keptInstances))
                .count()).isEqualTo(keptInstances.size());
        assertThat(schools.findSchool(kept.school().id())).isPresent();
    }

    @Test
    void aMoverKeepsTheirLoginAndNewSchoolWhileTheLeavingSchoolsReviewOfThemGoesWithIt() {
        TestSchool kept = TestSchool.create(schools, staff);
        TestSchool leaving = TestSchool.create(schools, staff);
        launcher.launch(leaving.cycle().id());
        workOnTheCycle(leaving);
        StaffMember mover = leaving.teacher();
        Review pastReview = reviews.runningReviewsOf(mover.id()).get(0);
        staff.moveToSchool(leaving.school().id(), mover.id(), new StaffMove(kept.school().id(), LocalDate.now(),
                StaffCategory.TEACHER_MPG, "Class teacher", null, kept.leader().id(), null, kept.team().id()));
        launcher.launch(kept.cycle().id());
        Review newReview = reviews.runningReviewsOf(mover.id()).get(0);
        List<String> instances = reviews.reviewsIn(leaving.cycle().id()).stream().map(Review::processInstanceId).toList();
        assertThat(instances).contains(pastReview.processInstanceId());

        departure.leave(leaving.school().id(), leaving.school().name());

        assertThat(reviews.find(pastReview.id())).isEmpty();
        assertThat(jdbc.queryForObject("select count(*) from objective where review_id = ?", Long.class,
                pastReview.id())).isZero();
        assertThat(jdbc.queryForObject("select count(*) from admin_change where school_id = ?", Long.class,
                leaving.school().id())).isZero();
        assertThat(engineRowsOf(leaving.school().code(), instances)).isEmpty();
        // the mover is the kept school's, with their login, their review there and its history
        StaffMember after = staff.find(mover.id()).orElseThrow();
        assertThat(after.schoolId()).isEqualTo(kept.school().id());
        assertThat(jdbc.queryForObject("select password_hash from staff_member where username = ?", String.class,
                mover.username())).isNotEmpty();
        assertThat(staff.tenantIdsOf(mover.username())).containsExactly(kept.school().code());
        assertThat(reviews.runningReviewsOf(mover.id())).extracting(Review::id).containsExactly(newReview.id());
        assertThat(history.changes(kept.school().id(), mover.id(), null, 0, 20).entries())
                .extracting(e -> e.change().action()).contains("Joined from another school");
    }

    @Test
    void someoneWhoMovedToTheLeavingSchoolStaysWithTheSchoolThatKeepsTheirEarlierReviewsAsItsLeaver() {
        TestSchool earlier = TestSchool.create(schools, staff);
        TestSchool leaving = TestSchool.create(schools, staff);
        launcher.launch(earlier.cycle().id());
        StaffMember mover = earlier.teacher();
        Review earlierReview = reviews.runningReviewsOf(mover.id()).get(0);
        LocalDate firstDay = LocalDate.now().minusDays(10);
        staff.moveToSchool(earlier.school().id(), mover.id(), new StaffMove(leaving.school().id(), firstDay,
                StaffCategory.TEACHER_MPG, "Class teacher", "L-1", leaving.leader().id(), null, leaving.team().id()));
        launcher.launch(leaving.cycle().id());

        departure.leave(leaving.school().id(), leaving.school().name());

        // the earlier school's review of them is its record: it stays, and so does the person it is about,
        // as that school's leaver from the day before they moved, without a login
        assertThat(reviews.find(earlierReview.id())).isPresent();
        StaffMember kept = staff.find(mover.id()).orElseThrow();
        assertThat(kept.schoolId()).isEqualTo(earlier.school().id());
        assertThat(kept.leftOn()).isEqualTo(firstDay.minusDays(1));
        assertThat(kept.active()).isFalse();
        assertThat(kept.reviewerId()).isNull();
        assertThat(kept.staffNumber()).isNull();
        assertThat(jdbc.queryForObject("select password_hash from staff_member where id = ?", String.class,
                mover.id())).isEmpty();
        assertThat(staff.tenantIdsOf(mover.username())).isEmpty();
        assertThat(jdbc.queryForObject("select count(*) from review r join review_cycle c on c.id = r.cycle_id "
                + "where c.school_id = ?", Long.class, leaving.school().id())).isZero();
        assertThat(jdbc.queryForObject("select count(*) from staff_member where school_id = ?", Long.class,
                leaving.school().id())).isZero();
        assertThat(history.changes(earlier.school().id(), mover.id(), null, 0, 20).entries())
                .extracting(e -> e.change().action())
                .contains("Kept as a leaver: " + leaving.school().name() + " left the trust");
    }

    @Test
    void theExportHoldsEveryTableAndEachReviewAsWrittenButNoPasswords() throws IOException {
        TestSchool school = TestSchool.create(schools, staff);
        launcher.launch(school.cycle().id());
        workOnTheCycle(school);

        Map<String, byte[]> files = unzip(export(school.school().id()));

        assertThat(files.keySet()).contains("school.json", "staff.csv", "teams.csv", "team-members.csv", "team-objectives.csv",
                "priorities.csv", "cycles.csv", "reviews.csv", "self-reflections.csv", "objectives.csv",
                "objective-decisions.csv", "objective-responses.csv", "mid-year-checks.csv", "mid-year-progress.csv",
                "observations.csv", "observation-focus.csv", "final-reviews.csv", "objective-outcomes.csv",
                "reviewee-sign-offs.csv", "head-sign-offs.csv", "admin-history.csv");
        String staffCsv = text(files, "staff.csv");
        assertThat(staffCsv).startsWith("id,staff_number,username,first_name,last_name,email");
        assertThat(staffCsv).contains(school.teacher().email()).doesNotContain("password").doesNotContain("$2");
        assertThat(text(files, "objectives.csv")).contains("Use the school writing process across the curriculum");
        assertThat(text(files, "admin-history.csv")).contains("Changed reviewer");
        Review teachers = reviews.runningReviewsOf(school.teacher().id()).get(0);
        assertThat(text(files, "records/review-" + teachers.id() + ".json"))
                .contains("\"reviewee\" : \"" + school.teacher().fullName() + "\"")
                .contains("Building relationships with pupils")
                .contains("Use the school writing process across the curriculum");
        // one record per review: the deputy's, the teacher's and the assistant's (the head's is the governors')
        assertThat(files.keySet().stream().filter(name -> name.startsWith("records/"))).hasSize(3);
    }

    @Test
    void withoutTheSchoolsNameTypedNothingIsDeleted() {
        TestSchool school = TestSchool.create(schools, staff);
        launcher.launch(school.cycle().id());
        Map<String, Long> before = ourRowCounts();

        assertThatThrownBy(() -> departure.leave(school.school().id(), "Another Primary"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Type the school's name, " + school.school().name() + ", exactly as it is shown here, to confirm");

        assertThat(ourRowCounts()).isEqualTo(before);
        assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(
                String.valueOf(reviews.reviewsIn(school.cycle().id()).get(0).id())).count()).isEqualTo(1);
    }

    @Test
    void aSchoolAdminEvenOfThatSchoolMayNeitherExportNorDelete() {
        TestSchool school = TestSchool.create(schools, staff);
        Map<String, Long> before = ourRowCounts();
        var schoolAdmin = new org.springframework.security.authentication.TestingAuthenticationToken(
                school.head().username(), "demo", "admins", "admins-" + school.school().code());
        var context = org.springframework.security.core.context.SecurityContextHolder.getContext();
        var trustAdmin = context.getAuthentication();
        context.setAuthentication(schoolAdmin);
        try {
            assertThatThrownBy(() -> departure.leave(school.school().id(), school.school().name()))
                    .hasMessage("Only the trust's administrators may do this.");
            assertThatThrownBy(() -> departure.export(school.school().id(), new ByteArrayOutputStream()))
                    .hasMessage("Only the trust's administrators may do this.");
        } finally {
            context.setAuthentication(trustAdmin);
        }

        assertThat(ourRowCounts()).isEqualTo(before);
    }

    /** Self-reflection, planning, the head's approval for the teacher; a reviewer change for the assistant. */
    /**
     * What a background launch and a staff import leave behind (the launch's record and who it
     * skipped; a staff file uploaded but not imported, the column matching kept for next year), and
     * a team's proposed joint objective with an objective taken from it,
     * written as those features write them, so that the deletion is shown to reach them too.
     */
    private void leaveLaunchAndImportRows(TestSchool school) {
        jdbc.update("insert into cycle_launch (cycle_id, state, to_start, started, already_running, started_by, "
                + "started_at, heartbeat_at, finished_at) values (?, 'FINISHED', 3, 3, 0, 'admin', current_timestamp, "
                + "current_timestamp, current_timestamp)", school.cycle().id());
        Long launchId = jdbc.queryForObject("select max(id) from cycle_launch where cycle_id = ?", Long.class,
                school.cycle().id());
        jdbc.update("insert into launch_skip (launch_id, staff_id, reason) values (?, ?, 'No reviewer yet')", launchId,
                school.head().id());
        staff.uploadStaffFile(school.school().id(), "staff.csv",
                "Staff number,First name,Last name\nT1,Ann,Other\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        jdbc.update("insert into staff_import_mapping (school_id, mapping, updated_by, updated_at) "
                + "values (?, '{}', 'admin', current_timestamp)", school.school().id());
        // a joint objective the team's leader proposed, which the teacher's first objective was taken from
        jdbc.update("insert into team_objective (team_id, cycle_id, priority_id, title, success_criteria, evidence, "
                + "created_by, created_at, updated_by, updated_at) values (?, ?, ?, 'KS2 writing', 'Criteria', "
                + "'Evidence', 'admin', current_timestamp, 'admin', current_timestamp)", school.team().id(),
                school.cycle().id(), school.writing().id());
        jdbc.update("update objective set team_objective_id = (select max(id) from team_objective where team_id = ?) "
                + "where position = 1 and review_id in (select id from review where cycle_id = ?)", school.team().id(),
                school.cycle().id());
    }

    private void workOnTheCycle(TestSchool school) {
        Review review = reviews.runningReviewsOf(school.teacher().id()).get(0);
        var driver = new ReviewDriver(tasks, forms, identity, management, runtime, staff, review.processInstanceId());
        driver.submit(school.teacher().username(), values("strengths", "Building relationships with pupils",
                "developmentWishes", "Teaching extended writing", "objectiveIdeas", "Something on writing"));
        driver.submit(school.leader().username(), values("objectives", objectives(
                objective("Use the school writing process across the curriculum", "W1", true),
                objective("Develop pupils' reasoning in maths lessons", "M1", false))));
        driver.submit(school.head().username(), values("decision", "APPROVE", "returnReason", ""));
        staff.assignReviewer(school.assistant().id(), school.head().id());
    }

    private String startTenantProcess(String tenantId) {
        repository.createDeployment().tenantId(tenantId).addModelInstance("TenantProbe.bpmn",
                Bpmn.createExecutableProcess("TenantProbe").camundaHistoryTimeToLive(1)
                        .startEvent().userTask().endEvent().done()).deploy();
        return runtime.createProcessInstanceByKey("TenantProbe").processDefinitionTenantId(tenantId).execute().getId();
    }

    private byte[] export(long schoolId) throws IOException {
        var out = new ByteArrayOutputStream();
        departure.export(schoolId, out);
        return out.toByteArray();
    }

    /** The number of rows in each of our tables (every table but the engine's and Flyway's). */
    private Map<String, Long> ourRowCounts() {
        var counts = new TreeMap<String, Long>();
        for (String table : jdbc.queryForList("select table_name from information_schema.tables "
                + "where table_schema = database() and table_name not like 'ACT\\_%' "
                + "and table_name <> 'flyway_schema_history'", String.class)) {
            counts.put(table.toLowerCase(), jdbc.queryForObject("select count(*) from " + table, Long.class));
        }
        return counts;
    }

    /**
     * Rows of the engine's tables that belong to the school: those with its tenant id, and those of
     * its process instances (PROC_INST_ID_, ROOT_PROC_INST_ID_), as "table: count".
     */
    private List<String> engineRowsOf(String tenantId, List<String> instances) {
        var found = new ArrayList<String>();
        Map<String, List<String>> columns = new LinkedHashMap<>();
        jdbc.queryForList("select table_name, column_name from information_schema.columns "
                + "where table_schema = database() and table_name like 'ACT\\_%' "
                + "and column_name in ('TENANT_ID_', 'PROC_INST_ID_', 'ROOT_PROC_INST_ID_')")
                .forEach(row -> columns.computeIfAbsent((String) row.get("TABLE_NAME"), t -> new ArrayList<>())
                        .add((String) row.get("COLUMN_NAME")));
        assertThat(columns).containsKeys("ACT_RU_TASK", "ACT_HI_PROCINST", "ACT_RE_DEPLOYMENT");
        String placeholders = String.join(",", instances.stream().map(i -> "?").toList());
        columns.forEach((table, names) -> {
            for (String column : names) {
                boolean tenant = column.equals("TENANT_ID_");
                Object[] args = tenant ? new Object[] {tenantId} : instances.toArray();
                Long count = jdbc.queryForObject("select count(*) from " + table + " where " + column
                        + (tenant ? " = ?" : " in (" + placeholders + ")"), Long.class, args);
                if (count != null && count > 0) {
                    found.add(table + "." + column + ": " + count);
                }
            }
        });
        return found;
    }

    private static Map<String, byte[]> unzip(byte[] zip) throws IOException {
        var files = new TreeMap<String, byte[]>();
        try (var in = new ZipInputStream(new ByteArrayInputStream(zip), StandardCharsets.UTF_8)) {
            for (var entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                files.put(entry.getName(), in.readAllBytes());
            }
        }
        return files;
    }

    private static String text(Map<String, byte[]> files, String name) {
        assertThat(files).containsKey(name);
        return new String(files.get(name), StandardCharsets.UTF_8);
    }
}
