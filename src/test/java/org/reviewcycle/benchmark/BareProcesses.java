package org.reviewcycle.benchmark;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;

/**
 * The bare engine's side of each comparison: the smallest processes doing what the user meets,
 * with none of our code (no listeners, no delegates, no tables of ours), deployed into the same
 * engine and database as the application.
 */
final class BareProcesses {

    /** Start, one user task for the member of staff, end: what a launch creates, without our work. */
    static final String ONE_TASK = "BareOneTask";
    /** A task for the team leader, then one offered to the head: a planning meeting without our work. */
    static final String TWO_TASKS = "BareTwoTasks";

    private BareProcesses() {
    }

    static void deploy(RepositoryService repository) {
        BpmnModelInstance oneTask = Bpmn.createExecutableProcess(ONE_TASK).camundaHistoryTimeToLive(2555)
                .startEvent()
                .userTask("Task_Bare").camundaAssignee("${revieweeUsername}")
                .endEvent()
                .done();
        BpmnModelInstance twoTasks = Bpmn.createExecutableProcess(TWO_TASKS).camundaHistoryTimeToLive(2555)
                .startEvent()
                .userTask("Task_BareFirst").camundaAssignee("${reviewerUsername}")
                .userTask("Task_BareSecond").camundaCandidateGroups("${headGroup}")
                .endEvent()
                .done();
        repository.createDeployment().name("benchmark: bare engine")
                .addModelInstance(ONE_TASK + ".bpmn", oneTask)
                .addModelInstance(TWO_TASKS + ".bpmn", twoTasks)
                .deploy();
    }
}
