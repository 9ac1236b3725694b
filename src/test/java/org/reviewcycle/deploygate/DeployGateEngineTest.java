package org.reviewcycle.deploygate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.reviewcycle.deploygate.Models.process;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.ParseException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.junit.jupiter.api.Test;
import org.reviewcycle.process.AnnualReviewCycleProcess;
import org.reviewcycle.school.SchoolService;
import org.reviewcycle.staff.StaffService;
import org.reviewcycle.support.TestSchool;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.w3c.dom.Element;

/**
 * The same gate where our own code deploys (the editors, start-up): through RepositoryService. A
 * refused deployment throws a ParseException naming element and reason and writes nothing; the
 * shipped cycle, deployed for every new school, passes; so does the cycle with a step added.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DeployGateEngineTest {

    private static final List<String> FORMS = List.of("SelfReflection", "PlanningMeeting", "ApproveObjectives",
            "AcknowledgeObjectives", "RespondToObjectivesDisagreement", "MidYearCheck", "LessonObservation", "SelfReview",
            "FinalReview", "RevieweeSignOff", "RespondToFinalReviewDisagreement", "HeadSignOff");

    @Autowired RepositoryService repository;
    @Autowired RuntimeService runtime;
    @Autowired TaskService tasks;
    @Autowired SchoolService schools;
    @Autowired StaffService staff;

    @Test
    void refusesAScriptTaskThroughRepositoryService() {
        assertRefused("Task_Probe", "a script task runs code on the server", key -> process(key,
                "<bpmn:scriptTask id=\"Task_Probe\" scriptFormat=\"groovy\"><bpmn:script>'id'.execute()</bpmn:script></bpmn:scriptTask>"));
    }

    @Test
    void refusesAJavaClassThroughRepositoryService() {
        assertRefused("Task_Probe", "names a Java class to run", key -> process(key,
                "<bpmn:serviceTask id=\"Task_Probe\" camunda:class=\"java.lang.ProcessBuilder\" />"));
    }

    @Test
    void refusesAnEngineMethodThroughRepositoryService() {
        assertRefused("Task_Probe", "calls a method", key -> process(key,
                "<bpmn:userTask id=\"Task_Probe\" camunda:assignee=\"${execution.getProcessEngineServices().getIdentityService()}\" />"));
    }

    @Test
    void refusesADoctypeThroughRepositoryService() {
        assertRefused(null, "declares a DOCTYPE", key -> process(key, "<bpmn:userTask id=\"Task_Probe\" name=\"&xxe;\" />")
                .replaceFirst("\\?>", "?><!DOCTYPE definitions [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>"));
    }

    @Test
    void everyNewSchoolGetsTheShippedCycleThroughTheGate() {
        var school = TestSchool.create(schools, staff);

        String tenant = school.school().code();
        assertThat(repository.createProcessDefinitionQuery().tenantIdIn(tenant)
                .processDefinitionKey(AnnualReviewCycleProcess.KEY).count()).isOne();
        assertThat(repository.createDecisionDefinitionQuery().tenantIdIn(tenant)
                .decisionDefinitionKey(AnnualReviewCycleProcess.REVIEW_PLAN_DECISION).count()).isOne();
        var deployment = repository.createDeploymentQuery().tenantIdIn(tenant).singleResult();
        assertThat(repository.getDeploymentResourceNames(deployment.getId()))
                .containsAll(FORMS.stream().map(form -> form + ".form").toList());
    }

    @Test
    void theCycleWithAStepAddedPassesAndRuns() {
        var school = TestSchool.create(schools, staff);
        String tenant = school.school().code();
        // a moderation meeting between the reviewee's signature and the head's sign-off, for the reviewer
        String withModeration = Models.shippedCycleChanged(model -> {
            Element toHead = Models.byId(model, "Flow_ToHeadSignOff");
            Element head = Models.byId(model, "Task_HeadSignOff");
            Element moderation = model.createElementNS(Models.BPMN_NS, "bpmn:userTask");
            moderation.setAttribute("id", "Task_ModerationMeeting");
            moderation.setAttribute("name", "Hold the moderation meeting");
            moderation.setAttributeNS(Models.CAMUNDA_NS, "camunda:assignee", "${reviewerUsername}");
            Element incoming = model.createElementNS(Models.BPMN_NS, "bpmn:incoming");
            incoming.setTextContent("Flow_ToHeadSignOff");
            Element outgoing = model.createElementNS(Models.BPMN_NS, "bpmn:outgoing");
            outgoing.setTextContent("Flow_ModerationToHeadSignOff");
            moderation.appendChild(incoming);
            moderation.appendChild(outgoing);
            head.getParentNode().insertBefore(moderation, head);
            Element flow = model.createElementNS(Models.BPMN_NS, "bpmn:sequenceFlow");
            flow.setAttribute("id", "Flow_ModerationToHeadSignOff");
            flow.setAttribute("sourceRef", "Task_ModerationMeeting");
            flow.setAttribute("targetRef", "Task_HeadSignOff");
            head.getParentNode().insertBefore(flow, head);
            toHead.setAttribute("targetRef", "Task_ModerationMeeting");
            var headIncoming = head.getElementsByTagNameNS(Models.BPMN_NS, "incoming");
            headIncoming.item(0).setTextContent("Flow_ModerationToHeadSignOff");
        });
        String name = "gate " + UUID.randomUUID();
        DeploymentBuilder deployment = repository.createDeployment().name(name).tenantId(tenant)
                .addString("AnnualReviewCycle.bpmn", withModeration)
                .addString("ReviewPlan.dmn", Models.shipped("ReviewPlan.dmn"));
        FORMS.forEach(form -> deployment.addString(form + ".form", Models.shipped(form + ".form")));

        var deployed = deployment.deployWithResult();

        var definition = deployed.getDeployedProcessDefinitions().get(0);
        assertThat(definition.getKey()).isEqualTo(AnnualReviewCycleProcess.KEY);
        var instance = runtime.createProcessInstanceById(definition.getId())
                .startBeforeActivity("Task_ModerationMeeting")
                .setVariables(Map.of(AnnualReviewCycleProcess.Variables.REVIEWER, school.leader().username()))
                .execute();
        try {
            var task = tasks.createTaskQuery().processInstanceId(instance.getId()).singleResult();
            assertThat(task.getTaskDefinitionKey()).isEqualTo("Task_ModerationMeeting");
            assertThat(task.getAssignee()).isEqualTo(school.leader().username());
        } finally {
            runtime.deleteProcessInstance(instance.getId(), "process test of an added step");
        }
    }

    private void assertRefused(String element, String reason, java.util.function.Function<String, String> model) {
        String key = Models.key();
        String name = "gate " + UUID.randomUUID();

        assertThatThrownBy(() -> repository.createDeployment().name(name).addString(key + ".bpmn", model.apply(key)).deploy())
                .isInstanceOf(ParseException.class).isInstanceOf(DeploymentRefused.class)
                .hasMessageContaining(key + ".bpmn").hasMessageContaining(reason)
                .satisfies(refused -> {
                    var problems = ((ParseException) refused).getResorceReports().get(0).getErrors();
                    assertThat(problems).extracting(p -> p.getMainElementId()).contains(element);
                });
        assertThat(repository.createDeploymentQuery().deploymentName(name).count()).isZero();
        assertThat(repository.createProcessDefinitionQuery().processDefinitionKey(key).count()).isZero();
    }
}
