package org.reviewcycle.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A parsed model keeps nothing of its parse (the callbacks that held the whole XML tree are gone from the
 * activities at every depth), and still runs as parsed: an asynchronous step inside a subprocess waits as a job,
 * and so does a multi-instance step after it, as a whole and before each instance, one task after the other.
 */
class ParsedModelMemoryPluginTest {

    /**
     * A subprocess holding an asynchronous step and a task, then a step for two people one after the other (as
     * the cycle's lesson observations), asynchronous before the step as a whole and before each of the two:
     * activities inside a subprocess and inside a multi-instance body, where Camunda leaves the callbacks.
     */
    static BpmnModelInstance nestedModel() {
        return Bpmn.createExecutableProcess("nested")
                .startEvent()
                .subProcess("Sub").embeddedSubProcess()
                    .startEvent()
                    .serviceTask("NestedAsync").camundaAsyncBefore().camundaExpression("${true}")
                    .userTask("NestedTask")
                    .endEvent()
                .subProcessDone()
                .userTask("Observe").camundaAsyncBefore()
                    .multiInstance().sequential().cardinality("2").camundaAsyncBefore().multiInstanceDone()
                .endEvent()
                .done();
    }

    final List<ProcessEngine> engines = new ArrayList<>();

    @AfterEach
    void close() {
        engines.forEach(ProcessEngine::close);
    }

    ProcessEngine engine(ProcessEnginePlugin... plugins) {
        var configuration = new StandaloneInMemProcessEngineConfiguration();
        configuration.setProcessEngineName("parsed-model-" + UUID.randomUUID());
        configuration.setJdbcUrl("jdbc:h2:mem:" + UUID.randomUUID());
        configuration.setJobExecutorActivate(false);
        configuration.setHistory(ProcessEngineConfigurationImpl.HISTORY_NONE);
        configuration.getProcessEnginePlugins().addAll(List.of(plugins));
        ProcessEngine engine = configuration.buildProcessEngine();
        engines.add(engine);
        return engine;
    }

    static ScopeImpl parsed(ProcessEngine engine) {
        String id = engine.getRepositoryService().createDeployment().addModelInstance("nested.bpmn", nestedModel())
                .deployWithResult().getDeployedProcessDefinitions().get(0).getId();
        var cache = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getDeploymentCache();
        cache.discardProcessDefinitionCache(); // parsed again, as after a restart
        engine.getRepositoryService().getProcessDefinition(id);
        return cache.getProcessDefinitionCache().get(id);
    }

    /** The activities below the process's own, which Camunda's parse leaves holding it. */
    static List<ActivityImpl> nested(ScopeImpl scope) {
        var found = new ArrayList<ActivityImpl>();
        for (ActivityImpl activity : scope.getActivities()) {
            for (ActivityImpl inner : activity.getActivities()) {
                found.add(inner);
                found.addAll(nested(inner));
            }
        }
        return found;
    }

    static boolean holdsTheParse(ActivityImpl activity) {
        return activity.getDelegateAsyncBeforeUpdate() != null || activity.getDelegateAsyncAfterUpdate() != null;
    }

    @Test
    void camundaAloneLeavesTheParseHeldByNestedActivities() {
        // the reason for the plugin: when this fails, Camunda lets go itself and the plugin can go
        assertThat(nested(parsed(engine()))).anyMatch(ParsedModelMemoryPluginTest::holdsTheParse);
    }

    @Test
    void noActivityAtAnyDepthHoldsTheParse() {
        ScopeImpl definition = parsed(engine(new ParsedModelMemoryPlugin()));

        assertThat(nested(definition)).extracting(ActivityImpl::getId)
                .contains("NestedAsync", "NestedTask", "Observe");
        // inside the multi-instance body, as the cycle's lesson observations
        assertThat(definition.findActivity("Observe").getParentFlowScopeActivity().getId())
                .isEqualTo("Observe#multiInstanceBody");
        assertThat(nested(definition)).noneMatch(ParsedModelMemoryPluginTest::holdsTheParse);
        assertThat(definition.getActivities()).noneMatch(ParsedModelMemoryPluginTest::holdsTheParse);
    }

    @Test
    void theModelRunsAsParsed() {
        ProcessEngine engine = engine(new ParsedModelMemoryPlugin());
        parsed(engine);
        var tasks = engine.getTaskService();
        engine.getRuntimeService().startProcessInstanceByKey("nested");

        // the asynchronous step inside the subprocess waits as a job
        runTheOneJobAt(engine, "NestedAsync");
        tasks.complete(tasks.createTaskQuery().taskDefinitionKey("NestedTask").singleResult().getId());
        // the step for two waits as a job, as a whole and then before each of the two, one after the other
        runTheOneJobAt(engine, "Observe#multiInstanceBody");
        for (int observation = 1; observation <= 2; observation++) {
            runTheOneJobAt(engine, "Observe");
            tasks.complete(tasks.createTaskQuery().taskDefinitionKey("Observe").singleResult().getId());
        }
        assertThat(engine.getRuntimeService().createProcessInstanceQuery().count()).isZero();
    }

    /** Nothing moves until the job waiting before that activity is run, and it is the only job. */
    static void runTheOneJobAt(ProcessEngine engine, String activityId) {
        assertThat(engine.getTaskService().createTaskQuery().count()).isZero();
        var job = engine.getManagementService().createJobQuery().singleResult();
        assertThat(job).as("a job before " + activityId).isNotNull();
        var definition = engine.getManagementService().createJobDefinitionQuery().jobDefinitionId(job.getJobDefinitionId())
                .singleResult();
        assertThat(definition.getActivityId()).isEqualTo(activityId);
        engine.getManagementService().executeJob(job.getId());
    }
}
