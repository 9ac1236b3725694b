package org.reviewcycle.deploygate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;

import org.camunda.bpm.engine.ParseException;
import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.Test;
import org.reviewcycle.process.AnnualReviewCycleProcess;
import org.reviewcycle.school.SchoolService;
import org.reviewcycle.staff.StaffService;
import org.reviewcycle.support.MariaDbTest;
import org.reviewcycle.support.TestSchool;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * On MariaDB: the engine writes a deployment and its files before its deployers run, so a refusal
 * must take them back with the transaction; and the shipped cycle passes for a new school there.
 */
@MariaDbTest
class DeployGateOnMariaDbTest {

    @Autowired RepositoryService repository;
    @Autowired SchoolService schools;
    @Autowired StaffService staff;
    @Autowired JdbcTemplate jdbc;

    @Test
    void aRefusedDeploymentLeavesNoRowBehind() {
        String key = Models.key();
        String name = "gate " + UUID.randomUUID();
        String model = Models.process(key, "<bpmn:serviceTask id=\"Task_Probe\" camunda:class=\"java.lang.ProcessBuilder\" />");

        assertThatThrownBy(() -> repository.createDeployment().name(name).addString(key + ".bpmn", model).deploy())
                .isInstanceOf(ParseException.class).hasMessageContaining("Task_Probe");

        assertThat(jdbc.queryForObject("select count(*) from ACT_RE_DEPLOYMENT where NAME_ = ?", Long.class, name)).isZero();
        assertThat(jdbc.queryForObject("select count(*) from ACT_GE_BYTEARRAY where NAME_ = ?", Long.class, key + ".bpmn")).isZero();
        assertThat(jdbc.queryForObject("select count(*) from ACT_RE_PROCDEF where KEY_ = ?", Long.class, key)).isZero();
    }

    @Test
    void theShippedCyclePassesForANewSchool() {
        var school = TestSchool.create(schools, staff);

        assertThat(repository.createProcessDefinitionQuery().tenantIdIn(school.school().code())
                .processDefinitionKey(AnnualReviewCycleProcess.KEY).count()).isOne();
    }
}
