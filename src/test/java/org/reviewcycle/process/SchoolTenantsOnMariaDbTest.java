package org.reviewcycle.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.reviewcycle.review.Review;
import org.reviewcycle.review.ReviewService;
import org.reviewcycle.school.SchoolService;
import org.reviewcycle.staff.StaffService;
import org.reviewcycle.support.MariaDbTest;
import org.reviewcycle.support.TestSchool;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * On MariaDB: each school's deployment of the cycle, and its reviews' instances, tasks and history,
 * carry the school's tenant id, and deploying a school's cycle again adds nothing.
 */
@MariaDbTest
class SchoolTenantsOnMariaDbTest {

    @Autowired SchoolService schools;
    @Autowired StaffService staff;
    @Autowired ReviewService reviews;
    @Autowired CycleLauncher launcher;
    @Autowired SchoolDeployments deployments;
    @Autowired RepositoryService repository;
    @Autowired RuntimeService runtime;
    @Autowired TaskService tasks;
    @Autowired HistoryService history;

    @Test
    void eachSchoolsDeploymentReviewsTasksAndHistoryCarryItsTenantId() {
        var oak = TestSchool.create(schools, staff);
        var elm = TestSchool.create(schools, staff);
        launcher.launch(oak.cycle().id());
        launcher.launch(elm.cycle().id());

        for (TestSchool school : List.of(oak, elm)) {
            String tenant = school.school().code();
            var deployment = repository.createDeploymentQuery().tenantIdIn(tenant).singleResult();
            assertThat(deployment.getName()).isEqualTo(SchoolDeployments.NAME);
            assertThat(repository.getDeploymentResourceNames(deployment.getId()))
                    .contains("AnnualReviewCycle.bpmn", "ReviewPlan.dmn", "PlanningMeeting.form");
            assertThat(repository.createProcessDefinitionQuery().deploymentId(deployment.getId()).singleResult()
                    .getTenantId()).isEqualTo(tenant);
            assertThat(repository.createDecisionDefinitionQuery().deploymentId(deployment.getId()).singleResult()
                    .getTenantId()).isEqualTo(tenant);

            List<String> instanceIds = reviews.reviewsIn(school.cycle().id()).stream()
                    .map(Review::processInstanceId).toList();
            assertThat(instanceIds).hasSize(3).doesNotContainNull();
            assertThat(runtime.createProcessInstanceQuery().processInstanceIds(java.util.Set.copyOf(instanceIds)).list())
                    .hasSize(3).extracting(ProcessInstance::getTenantId).containsOnly(tenant);
            for (String instance : instanceIds) {
                assertThat(tasks.createTaskQuery().processInstanceId(instance).list()).isNotEmpty()
                        .extracting(Task::getTenantId).containsOnly(tenant);
            }
            assertThat(history.createHistoricProcessInstanceQuery()
                    .processInstanceIds(java.util.Set.copyOf(instanceIds)).list())
                    .hasSize(3).extracting(HistoricProcessInstance::getTenantId).containsOnly(tenant);
        }

        // a restart deploys every school's cycle again: nothing new, as the files are the same
        long before = repository.createDeploymentQuery().count();
        deployments.deploy(oak.school());
        assertThat(repository.createDeploymentQuery().count()).isEqualTo(before);
    }
}
