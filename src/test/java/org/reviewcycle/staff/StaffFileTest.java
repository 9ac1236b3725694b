package org.reviewcycle.staff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

/** Reading staff files shaped like three MIS exports (src/test/resources/mis/), and dates as schools write them. */
class StaffFileTest {

    static byte[] misFile(String name) {
        try (InputStream in = StaffFileTest.class.getResourceAsStream("/mis/" + name)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void readsASimsExportInUtf8WithAByteOrderMarkAndCommas() {
        StaffFile file = StaffFile.read(misFile("sims-staff.csv"), 100);

        assertThat(file.encoding()).isEqualTo("UTF-8");
        assertThat(file.separator()).isEqualTo(',');
        assertThat(file.headings()).startsWith("Staff Code", "Title", "Legal Forename", "Legal Surname");
        assertThat(file.rows()).hasSize(8);
        assertThat(file.rows().get(2).values()).containsEntry("Legal Forename", "Siobhán")
                .containsEntry("Legal Surname", "O'Neill").containsEntry("Start Date", "01/09/2021");
        assertThat(file.rows().get(2).line()).isEqualTo(4);
    }

    @Test
    void readsAnArborExportInWindows1252WithSemicolons() {
        byte[] content = misFile("arbor-staff.csv");
        assertThat(new String(content, StandardCharsets.ISO_8859_1)).contains("Zo\u00eb");

        StaffFile file = StaffFile.read(content, 100);

        assertThat(file.encoding()).isEqualTo("Windows-1252");
        assertThat(file.separator()).isEqualTo(';');
        assertThat(file.rows()).hasSize(5);
        assertThat(file.rows().get(0).values()).containsEntry("First Name", "Zoë").containsEntry("Last Name", "Renée-Martin")
                .containsEntry("Employment Start Date", "2016-09-01");
        assertThat(file.rows().get(4).values()).containsEntry("Last Name", "Øster");
    }

    @Test
    void readsABromcomExportWithLineBreaksInQuotedFieldsAndKeepsEachRowsFirstLine() {
        StaffFile file = StaffFile.read(misFile("bromcom-staff-with-bad-rows.csv"), 100);

        assertThat(file.rows()).extracting(StaffFile.Row::line).containsExactly(2L, 3L, 5L, 7L, 8L, 9L, 10L, 11L, 12L);
        assertThat(file.rows().get(1).values()).containsEntry("Notes", "Leads maths\nand KS2 assessment");
        assertThat(file.rows().get(3).values()).containsEntry("Forename", "Liam");
    }

    @Test
    void readsUtf8WithoutAByteOrderMark() {
        StaffFile file = StaffFile.read("Staff ID,Surname\nX1,Ó Briain\n".getBytes(StandardCharsets.UTF_8), 10);

        assertThat(file.encoding()).isEqualTo("UTF-8");
        assertThat(file.rows().get(0).values()).containsEntry("Surname", "Ó Briain");
    }

    @Test
    void refusesAFileWithMoreRowsThanTheLimitWithoutReadingTheRest() {
        var content = new StringBuilder("Staff ID,Surname\n");
        for (int i = 0; i < 30; i++) {
            content.append("X").append(i).append(",Name\n");
        }
        content.append("\"never closed");

        assertThatThrownBy(() -> StaffFile.read(content.toString().getBytes(StandardCharsets.UTF_8), 25))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("more than 25 rows");
    }

    @Test
    void refusesAnEmptyFileAndRepeatedHeadings() {
        assertThatThrownBy(() -> StaffFile.read(new byte[0], 10)).hasMessageContaining("empty");
        assertThatThrownBy(() -> StaffFile.read("Surname,Surname\na,b\n".getBytes(StandardCharsets.UTF_8), 10))
                .hasMessageContaining("same heading");
    }

    @Test
    void readsDatesAsSchoolsWriteThem() {
        assertThat(StaffImport.parseDate("31/10/2026")).contains(LocalDate.of(2026, 10, 31));
        assertThat(StaffImport.parseDate("1/9/2026")).contains(LocalDate.of(2026, 9, 1));
        assertThat(StaffImport.parseDate("2026-10-31")).contains(LocalDate.of(2026, 10, 31));
        assertThat(StaffImport.parseDate("31/02/2026")).isEmpty();
        assertThat(StaffImport.parseDate("10/31/2026")).isEmpty();
    }

    @Test
    void findsOurCategoryInTheWordsOfTheMisWhereTheyAreClear() {
        assertThat(StaffCategories.of("Deputy Headteacher")).contains(StaffCategory.DEPUTY_HEAD);
        assertThat(StaffCategories.of("Head Teacher")).contains(StaffCategory.HEADTEACHER);
        assertThat(StaffCategories.of("Higher Level Teaching Assistant")).contains(StaffCategory.HLTA);
        assertThat(StaffCategories.of("Teaching Assistant")).contains(StaffCategory.TEACHING_ASSISTANT);
        assertThat(StaffCategories.of("Class Teacher (MPS)")).contains(StaffCategory.TEACHER_MPG);
        assertThat(StaffCategories.of("Reception Teacher")).contains(StaffCategory.EARLY_YEARS_TEACHER);
        assertThat(StaffCategories.of("Teacher (UPS 2)")).contains(StaffCategory.TEACHER_UPS2);
        assertThat(StaffCategories.of("School Business Manager")).contains(StaffCategory.ADMINISTRATOR);
        assertThat(StaffCategories.of("Midday Supervisor")).contains(StaffCategory.OTHER_SUPPORT_STAFF);
        assertThat(StaffCategories.of("Assistant Headteacher")).isEmpty();
        assertThat(StaffCategories.of("Volunteer")).isEmpty();
    }

    @Test
    void guessesTheMappingFromTheHeadingsOfEachMis() {
        assertThat(ImportField.STAFF_NUMBER.knows("Staff Code")).isTrue();
        assertThat(ImportField.STAFF_NUMBER.knows("Staff ID")).isTrue();
        assertThat(ImportField.STAFF_NUMBER.knows("Employee Number")).isTrue();
        assertThat(ImportField.LAST_NAME.knows("Legal Surname")).isTrue();
        assertThat(ImportField.REVIEWER_STAFF_NUMBER.knows("Appraiser Employee Number")).isTrue();
        assertThat(ImportField.STARTED_ON.knows("Employment Start Date")).isTrue();
        assertThat(ImportField.EMAIL.knows("Surname")).isFalse();
    }

    @Test
    void makesUniqueUsernamesFromEmails() {
        var usernames = new Usernames(java.util.List.of("j.smith"));

        assertThat(usernames.from("J.Smith@example.sch.uk")).isEqualTo("j.smith2");
        assertThat(usernames.from("j.smith@other.sch.uk")).isEqualTo("j.smith3");
        assertThat(usernames.from("o'neill+staff@example.sch.uk")).isEqualTo("o.neill.staff");
    }
}
