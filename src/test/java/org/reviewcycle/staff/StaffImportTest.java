package org.reviewcycle.staff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.reviewcycle.staff.StaffFileTest.misFile;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.reviewcycle.school.School;
import org.reviewcycle.school.SchoolService;
import org.reviewcycle.support.MariaDbTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationListener;
import org.springframework.context.PayloadApplicationEvent;
import org.springframework.context.event.ApplicationEventMulticaster;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The MIS import on MariaDB, through {@link StaffService} as the pages and the JSON endpoint use it:
 * preview with bad rows, import, re-import matched by staff number, the leavers checkbox, and all or
 * nothing when something fails part-way.
 */
@MariaDbTest
class StaffImportTest {

    @Autowired StaffService staff;
    @Autowired SchoolService schools;
    @Autowired JdbcTemplate jdbc;
    @Autowired ApplicationEventMulticaster multicaster;

    School school;

    @BeforeEach
    void newSchool() {
        String code = "i" + UUID.randomUUID().toString().substring(0, 8);
        school = schools.createSchool(code, "Import Primary " + code);
    }

    @Test
    void previewListsEveryBadRowWithItsLineAndWhatIsWrongAndWritesNothing() {
        long upload = staff.uploadStaffFile(school.id(), "bromcom.csv", misFile("bromcom-staff-with-bad-rows.csv"));

        var preview = staff.previewImport(school.id(), upload, mappingOf(upload), false);

        assertThat(preview.importable()).isFalse();
        assertThat(preview.problems()).extracting(ImportPreview.Problem::line).containsExactly(8L, 9L, 10L, 11L, 12L);
        assertThat(preview.problems()).extracting(ImportPreview.Problem::message).containsExactly(
                "The staff number is missing.",
                "Reviewer's staff number B999 is neither in the file nor on the school's staff.",
                "Staff number B003 is also on line 5.",
                "Start date '31/02/2026' is not a date (write 31/10/2026 or 2026-10-31).",
                "Category 'Volunteer' is not one of ours (Headteacher, Deputy head, Teacher (main pay range), "
                        + "Teacher (UPS 1), Teacher (UPS 2), Teacher (UPS 3), Teacher with a TLR, Early years teacher, "
                        + "Higher level teaching assistant, Teaching assistant, Learning mentor, Administrator, "
                        + "Kitchen manager, Other support staff).");
        assertThatThrownBy(() -> staff.importFile(school.id(), school.name(), upload, false))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("5 bad rows; nothing was imported");
        assertThat(staff.staffOf(school.id())).isEmpty();
    }

    @Test
    void importsASimsFileWithReviewersCategoriesAndDatesAndNoPasswords() {
        var done = importFile("sims-staff.csv", misFile("sims-staff.csv"), false);

        assertThat(done.created()).hasSize(8);
        Map<String, StaffMember> people = byNumber();
        StaffMember oneill = people.get("S003");
        assertThat(oneill.fullName()).isEqualTo("Siobhán O'Neill");
        assertThat(oneill.username()).startsWith("s.oneill");
        assertThat(oneill.category()).isEqualTo(StaffCategory.TEACHER_MPG);
        assertThat(oneill.reviewerId()).isEqualTo(people.get("S002").id());
        assertThat(oneill.startedOn()).isEqualTo(LocalDate.of(2021, 9, 1));
        assertThat(people.get("S004").category()).isEqualTo(StaffCategory.TEACHER_UPS2);
        assertThat(people.get("S001").category()).isEqualTo(StaffCategory.HEADTEACHER);
        assertThat(people.get("S001").reviewerId()).isNull();
        assertThat(people.get("S006").leftOn()).isEqualTo(LocalDate.of(2027, 8, 31));
        assertThat(people.get("S008").category()).isEqualTo(StaffCategory.OTHER_SUPPORT_STAFF);
        assertThat(staff.hasPassword(oneill.id())).isFalse();
        assertThat(staff.login(oneill.username())).hasValueSatisfying(l -> assertThat(l.passwordHash()).isEmpty());
        assertThat(historyOf("Added from the MIS file")).isEqualTo(8);
        assertThat(jdbc.queryForObject("select count(*) from staff_import_upload where school_id = ?", Long.class,
                school.id())).isZero();
    }

    @Test
    void readsAnArborFileInWindows1252AndPutsPeopleInTheirTeams() {
        var head = staff.addStaffMember(new StaffMember(null, school.id(), "head." + school.code(), "Ada", "Head",
                "head." + school.code() + "@example.org", "Headteacher", StaffCategory.HEADTEACHER, true, false, null),
                "a-long-password");
        var ks2 = staff.createTeam(school.id(), "ks2", "Key stage 2", head.id());
        staff.createTeam(school.id(), "eyfs", "EYFS", head.id());

        importFile("arbor.csv", misFile("arbor-staff.csv"), false);

        Map<String, StaffMember> people = byNumber();
        assertThat(people.get("A100").fullName()).isEqualTo("Zoë Renée-Martin");
        assertThat(people.get("A101").category()).isEqualTo(StaffCategory.TEACHER_TLR);
        assertThat(people.get("A102").category()).isEqualTo(StaffCategory.EARLY_YEARS_TEACHER);
        assertThat(people.get("A102").reviewerId()).isEqualTo(people.get("A101").id());
        assertThat(staff.teamMemberIds(ks2.id())).contains(people.get("A101").id());
    }

    @Test
    void reImportMatchesByStaffNumberAndChangesOnlyWhatChanged() {
        importFile("sims-staff.csv", misFile("sims-staff.csv"), false);
        Map<String, StaffMember> before = byNumber();
        byte[] nextTerm = sims().replace("Class Teacher (MPS),,S002", "Class Teacher (MPS) and English lead,,S002")
                .replace("S004,Mr,Tomasz,Nowak,t.nowak@example.sch.uk,Class Teacher,Teacher (UPS 2),S002",
                        "S004,Mr,Tomasz,Nowak,t.nowak@example.sch.uk,Class Teacher,Teacher (UPS 2),S001")
                .getBytes(StandardCharsets.UTF_8);

        long upload = staff.uploadStaffFile(school.id(), "sims.csv", nextTerm);
        var preview = staff.previewImport(school.id(), upload, mappingOf(upload), false);

        assertThat(preview.created()).isEmpty();
        assertThat(preview.unchanged()).isEqualTo(6);
        assertThat(preview.changed()).extracting(ImportPreview.Changed::staffNumber).containsExactly("S003", "S004");
        assertThat(preview.changed().get(0).changes())
                .containsExactly("Job title: Class Teacher (MPS) → Class Teacher (MPS) and English lead");
        assertThat(preview.changed().get(1).changes()).containsExactly("Reviewer: David Okafor → Helen Whitaker");

        staff.importFile(school.id(), school.name(), upload, false);

        Map<String, StaffMember> after = byNumber();
        assertThat(after.get("S003").id()).isEqualTo(before.get("S003").id());
        assertThat(after.get("S003").jobTitle()).isEqualTo("Class Teacher (MPS) and English lead");
        assertThat(after.get("S004").reviewerId()).isEqualTo(before.get("S001").id());
        assertThat(after).hasSize(8);
    }

    @Test
    void marksStaffMissingFromTheFileAsLeaversOnlyWhenAsked() {
        importFile("sims-staff.csv", misFile("sims-staff.csv"), false);
        byte[] withoutKevin = sims().replace("S008,Mr,Kevin,Lowe,k.lowe@example.sch.uk,Midday Supervisor,,S007,01/09/2024,\r\n", "")
                .getBytes(StandardCharsets.UTF_8);

        importFile("sims.csv", withoutKevin, false);
        assertThat(byNumber().get("S008").leftOn()).isNull();

        var done = importFile("sims.csv", withoutKevin, true);
        assertThat(done.leavers()).extracting(ImportPreview.Leaver::name).containsExactly("Kevin Lowe");
        StaffMember kevin = byNumber().get("S008");
        assertThat(kevin.leftOn()).isEqualTo(LocalDate.now());
        assertThat(staff.groupIdsOf(kevin.username())).isNotEmpty();
    }

    @Test
    void aFailurePartWayLeavesTheSchoolAsItWas() {
        importFile("sims-staff.csv", misFile("sims-staff.csv"), false);
        Map<String, StaffMember> before = byNumber();
        long historyBefore = jdbc.queryForObject("select count(*) from admin_change where school_id = ?", Long.class,
                school.id());
        long kevin = before.get("S008").id();
        // something listening to leavers (ending their review) fails after the new person is added and
        // the changed one written: everything goes back
        ApplicationListener<PayloadApplicationEvent<StaffLeft>> failing = event -> {
            if (event.getPayload().staffId() == kevin) {
                throw new IllegalStateException("The review of Kevin Lowe could not be ended");
            }
        };
        multicaster.addApplicationListener(failing);
        try {
            byte[] changed = (sims().replace("S008,Mr,Kevin,Lowe,k.lowe@example.sch.uk,Midday Supervisor,,S007,01/09/2024,\r\n", "")
                    .replace("Class Teacher (MPS),,S002", "Class Teacher,,S002")
                    + "S009,Ms,Nia,Jones,n.jones@example.sch.uk,Class Teacher,,S002,01/01/2027,\r\n")
                    .getBytes(StandardCharsets.UTF_8);
            assertThatThrownBy(() -> importFile("sims.csv", changed, true)).hasMessageContaining("Kevin Lowe");
        } finally {
            multicaster.removeApplicationListener(failing);
        }

        assertThat(byNumber()).isEqualTo(before);
        assertThat(jdbc.queryForObject("select count(*) from admin_change where school_id = ?", Long.class,
                school.id())).isEqualTo(historyBefore);
    }

    @Test
    void refusesALoopOfReviewersWithTheNamesInOrder() {
        String file = "Staff ID,First Name,Last Name,Email,Role,Reviewer Staff Code\n"
                + "L1,Ann,Able,ann@example.org,Class Teacher,L3\n"
                + "L2,Ben,Bell,ben@example.org,Class Teacher,L1\n"
                + "L3,Cat,Cole,cat@example.org,Class Teacher,L2\n"
                + "L4,Dee,Dunn,dee@example.org,Class Teacher,L4\n";
        long upload = staff.uploadStaffFile(school.id(), "loop.csv", file.getBytes(StandardCharsets.UTF_8));

        var preview = staff.previewImport(school.id(), upload, mappingOf(upload), false);

        assertThat(preview.problems()).extracting(ImportPreview.Problem::message).containsExactly(
                "Reviewers go round in a loop: Ann Able reviews Ben Bell reviews Cat Cole reviews Ann Able.",
                "Reviewers go round in a loop: Ben Bell reviews Cat Cole reviews Ann Able reviews Ben Bell.",
                "Reviewers go round in a loop: Cat Cole reviews Ann Able reviews Ben Bell reviews Cat Cole.",
                "A member of staff cannot review themselves.");
    }

    @Test
    void offersTheSchoolsSavedMappingNextTime() {
        String file = "Code,Given,Family,Mail,Post\nQ1,Ann,Able,ann.q@example.org,Teacher\n";
        long first = staff.uploadStaffFile(school.id(), "odd.csv", file.getBytes(StandardCharsets.UTF_8));
        assertThat(staff.uploadedFile(school.id(), first).mapping()).containsOnlyKeys(ImportField.JOB_TITLE);
        Map<ImportField, String> mapping = new EnumMap<>(Map.of(ImportField.STAFF_NUMBER, "Code",
                ImportField.FIRST_NAME, "Given", ImportField.LAST_NAME, "Family", ImportField.EMAIL, "Mail",
                ImportField.JOB_TITLE, "Post"));
        staff.previewImport(school.id(), first, mapping, false);

        long next = staff.uploadStaffFile(school.id(), "odd.csv", file.getBytes(StandardCharsets.UTF_8));

        assertThat(staff.uploadedFile(school.id(), next).mapping()).isEqualTo(mapping);
    }

    private ImportPreview importFile(String name, byte[] content, boolean leavers) {
        long upload = staff.uploadStaffFile(school.id(), name, content);
        var preview = staff.previewImport(school.id(), upload, mappingOf(upload), leavers);
        assertThat(preview.problems()).isEmpty();
        return staff.importFile(school.id(), school.name(), upload, leavers);
    }

    private Map<ImportField, String> mappingOf(long upload) {
        return staff.uploadedFile(school.id(), upload).mapping();
    }

    private Map<String, StaffMember> byNumber() {
        return staff.staffOf(school.id()).stream().filter(s -> s.staffNumber() != null)
                .collect(Collectors.toMap(StaffMember::staffNumber, Function.identity()));
    }

    private long historyOf(String action) {
        return jdbc.queryForObject("select count(*) from admin_change where school_id = ? and action = ?", Long.class,
                school.id(), action);
    }

    private static String sims() {
        return new String(misFile("sims-staff.csv"), StandardCharsets.UTF_8);
    }
}
