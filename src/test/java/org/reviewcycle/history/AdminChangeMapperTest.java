package org.reviewcycle.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.reviewcycle.support.MariaDbTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.annotation.Transactional;

/**
 * AdminChangeMapper.xml on MariaDB: the History page's queries, per school or for the trust, per
 * person, searched by the subject's name or by who made the change (username or name), newest first
 * and paged. Each test uses school ids of its own, so that other rows never match.
 */
@MariaDbTest
@Transactional
class AdminChangeMapperTest {

    @Autowired AdminChangeMapper changes;
    @Autowired JdbcTemplate jdbc;

    private long school;
    private long otherSchool;

    @BeforeEach
    void schoolsOfThisTest() {
        school = ThreadLocalRandom.current().nextLong(1_000_000_000L, 2_000_000_000L);
        otherSchool = school + 1;
    }

    private AdminChange insert(long schoolId, Long staffId, String subjectName, String action, String by) {
        var change = new AdminChange(null, schoolId, staffId, "Staff member", staffId, subjectName, action,
                "{\"Reviewer\":null}", "{\"Reviewer\":\"David Okafor\"}", by, null);
        changes.insertChange(change);
        return change;
    }

    private List<String> actions(Long schoolId, Long staffId, String text, int limit, int offset) {
        return changes.selectChanges(schoolId, staffId, text, limit, offset).stream().map(AdminChange::action).toList();
    }

    @Test
    void listsOneSchoolsChangesNewestFirstWithWhoAndTheValuesBeforeAndAfter() {
        insert(school, 1L, "Amy Clarke", "first", "admin");
        insert(otherSchool, 2L, "Ben Carter", "elsewhere", "hc.admin");
        insert(school, 3L, "Tom Bradley", "second", "admin");

        assertThat(actions(school, null, null, 10, 0)).containsExactly("second", "first");
        var newest = changes.selectChanges(school, null, null, 1, 0).get(0);
        assertThat(newest.subjectName()).isEqualTo("Tom Bradley");
        assertThat(newest.changedBy()).isEqualTo("admin");
        assertThat(newest.changedAt()).isNotNull();
        assertThat(newest.beforeValue()).isEqualTo("{\"Reviewer\":null}");
        assertThat(newest.afterValue()).isEqualTo("{\"Reviewer\":\"David Okafor\"}");
        assertThat(changes.countChanges(school, null, null)).isEqualTo(2);
    }

    @Test
    void pagesThroughTheChangesWithoutLosingOrRepeatingOne() {
        for (int i = 1; i <= 7; i++) {
            insert(school, (long) i, "Person " + i, "change " + i, "admin");
        }
        assertThat(actions(school, null, null, 3, 0)).containsExactly("change 7", "change 6", "change 5");
        assertThat(actions(school, null, null, 3, 3)).containsExactly("change 4", "change 3", "change 2");
        assertThat(actions(school, null, null, 3, 6)).containsExactly("change 1");
        assertThat(changes.countChanges(school, null, null)).isEqualTo(7);
    }

    @Test
    void narrowsToOnePerson() {
        insert(school, 11L, "Amy Clarke", "about Amy", "admin");
        insert(school, 12L, "Tom Bradley", "about Tom", "admin");
        insert(school, 11L, "Amy Clarke", "about Amy again", "admin");

        assertThat(actions(school, 11L, null, 10, 0)).containsExactly("about Amy again", "about Amy");
        assertThat(changes.countChanges(school, 11L, null)).isEqualTo(2);
    }

    @Test
    void searchesTheSubjectsNameAndWhoMadeTheChangeByUsernameOrNameIgnoringCase() {
        String deputy = "deputy-" + school;
        jdbc.update("insert into school (code, name, created_by, created_at, updated_by, updated_at) "
                + "values (?, 'History School', 'test', current_timestamp, 'test', current_timestamp)", "h-" + school);
        jdbc.update("insert into staff_member (school_id, username, password_hash, first_name, last_name, email, job_title, "
                + "category, active, administrator, created_by, created_at, updated_by, updated_at) "
                + "select id, ?, 'x', 'David', 'Okafor', 'd@example.org', 'Deputy', 'DEPUTY_HEAD', true, true, "
                + "'test', current_timestamp, 'test', current_timestamp from school where code = ?", deputy, "h-" + school);
        insert(school, 21L, "Amy Clarke", "about Amy", "hc.admin");
        insert(school, 22L, "Tom Bradley", "by David", deputy);

        assertThat(actions(school, null, "CLARKE", 10, 0)).containsExactly("about Amy");
        assertThat(actions(school, null, "hc.adm", 10, 0)).containsExactly("about Amy");
        assertThat(actions(school, null, "okafor", 10, 0)).containsExactly("by David");
        assertThat(actions(school, null, "nobody here", 10, 0)).isEmpty();
        assertThat(changes.countChanges(school, null, "okafor")).isEqualTo(1);
    }

    @Test
    void withoutASchoolListsEverySchoolsChangesAndTheTrusts() {
        insert(school, 31L, "Amy Clarke " + school, "in a school", "admin");
        insert(otherSchool, 32L, "Ben Carter " + school, "in another school", "admin");
        changes.insertChange(new AdminChange(null, null, null, "Trust priority", 9L, "T9: Reading " + school,
                "of the trust", null, "{\"Code\":\"T9\"}", "admin", null));

        assertThat(actions(null, null, String.valueOf(school), 10, 0))
                .containsExactly("of the trust", "in another school", "in a school");
    }
}
