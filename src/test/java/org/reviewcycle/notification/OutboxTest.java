package org.reviewcycle.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.reviewcycle.school.SchoolService;
import org.reviewcycle.staff.StaffService;
import org.reviewcycle.support.TestSchool;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.support.TransactionTemplate;

/** Writing to the outbox: in the caller's transaction, rendered from both templates, once per key. */
@SpringBootTest
class OutboxTest {

    @Autowired Outbox outbox;
    @Autowired SchoolService schools;
    @Autowired StaffService staff;
    @Autowired TransactionTemplate transaction;
    @Autowired JdbcTemplate jdbc;

    TestSchool school;

    @BeforeEach
    void school() {
        school = TestSchool.create(schools, staff);
    }

    OutgoingMail note(String key, String text) {
        return new OutgoingMail(school.school().id(), school.teacher().id(), school.teacher().email(),
                MailKind.REMINDER, key, "outbox-test", Map.of("name", school.teacher().firstName(), "note", text));
    }

    Map<String, Object> onlyRow() {
        return jdbc.queryForMap("select * from mail_outbox where school_id = ?", school.school().id());
    }

    int rows() {
        return jdbc.queryForObject("select count(*) from mail_outbox where school_id = ?", Integer.class,
                school.school().id());
    }

    @Test
    void anEmailIsWrittenWaitingWithItsSubjectAndBothParts() {
        transaction.executeWithoutResult(status -> assertThat(outbox.write(note(null, "Fish & <b>chips</b>"))).isTrue());

        Map<String, Object> row = onlyRow();
        assertThat(row.get("STATUS")).isEqualTo("WAITING");
        assertThat(row.get("TO_ADDRESS")).isEqualTo(school.teacher().email());
        assertThat(row.get("KIND")).isEqualTo("REMINDER");
        assertThat(row.get("SUBJECT")).isEqualTo("A note for Teacher");
        assertThat((String) row.get("TEXT_BODY")).startsWith("Hello Teacher,").contains("Fish & <b>chips</b>");
        // what people typed is text in the HTML part, never markup
        assertThat((String) row.get("HTML_BODY")).contains("Fish &amp; &lt;b&gt;chips&lt;/b&gt;").doesNotContain("<b>");
    }

    @Test
    void aStepThatRollsBackWritesNoEmail() {
        transaction.executeWithoutResult(status -> {
            outbox.write(note(null, "never sent"));
            status.setRollbackOnly();
        });
        assertThat(rows()).isZero();
    }

    @Test
    void theSameKeyIsWrittenOnce() {
        String key = "reminder:" + school.school().code();
        transaction.executeWithoutResult(status -> assertThat(outbox.write(note(key, "first"))).isTrue());
        transaction.executeWithoutResult(status -> assertThat(outbox.write(note(key, "second"))).isFalse());
        assertThat(rows()).isOne();
        assertThat((String) onlyRow().get("TEXT_BODY")).contains("first");
    }

    @Test
    void anEmailIsOnlyWrittenInsideTheStepsTransaction() {
        assertThatThrownBy(() -> outbox.write(note(null, "outside"))).isInstanceOf(IllegalTransactionStateException.class);
        assertThat(rows()).isZero();
    }
}
