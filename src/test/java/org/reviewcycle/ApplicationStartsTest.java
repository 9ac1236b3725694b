package org.reviewcycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.reviewcycle.support.MariaDbTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

/** The application starts on H2 and on MariaDB, with the engine's tables and ours. */
class ApplicationStartsTest {

    static final List<String> OUR_TABLES = List.of("school", "staff_member", "team", "team_member",
            "school_priority", "review_cycle", "review");
    static final List<String> ENGINE_TABLES = List.of("act_ru_task", "act_ru_execution", "act_hi_procinst",
            "act_ru_authorization", "act_re_procdef", "act_ru_filter");

    static List<String> tables(JdbcTemplate jdbc) {
        return jdbc.queryForList("select lower(table_name) from information_schema.tables", String.class);
    }

    static String productName(JdbcTemplate jdbc) {
        return jdbc.execute((ConnectionCallback<String>) c -> c.getMetaData().getDatabaseProductName());
    }

    @Nested
    @SpringBootTest
    class OnH2 {
        @Autowired JdbcTemplate jdbc;
        @Autowired ProcessEngine engine;

        @Test
        void startsWithTheEngineSchemaAndOurs() {
            assertThat(productName(jdbc)).isEqualTo("H2");
            assertThat(tables(jdbc)).containsAll(OUR_TABLES).containsAll(ENGINE_TABLES);
            assertThat(engine.getProcessEngineConfiguration().isAuthorizationEnabled()).isTrue();
        }
    }

    @Nested
    @MariaDbTest
    class OnMariaDb {
        @Autowired JdbcTemplate jdbc;
        @Autowired ProcessEngine engine;

        @Test
        void startsWithTheEngineSchemaAndOurs() {
            assertThat(productName(jdbc)).isIn("MySQL", "MariaDB");
            assertThat(jdbc.queryForList(
                    "select lower(table_name) from information_schema.tables where table_schema = database()",
                    String.class)).containsAll(OUR_TABLES).containsAll(ENGINE_TABLES);
            assertThat(jdbc.queryForObject("select count(*) from flyway_schema_history where success = 1", Integer.class))
                    .isPositive();
            assertThat(engine.getProcessEngineConfiguration().getDatabaseType()).isEqualTo("mysql");
        }
    }
}
