package org.reviewcycle.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.Test;
import org.reviewcycle.support.MariaDbTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The engine's optimistic locking on MariaDB with the mysql profile's Connector/J settings: two
 * nodes (here two threads) change the same process at once, and the one that comes second fails
 * with an OptimisticLockingException instead of overwriting the first. It checks the row counts
 * of a batch of updates, which rewriteBatchedStatements sends as one multi-statement.
 */
@MariaDbTest
class OptimisticLockingOnMariaDbTest {

    static final String PROCESS = "OptimisticLockingProbe";

    @Autowired RepositoryService repository;
    @Autowired RuntimeService runtime;
    @Autowired PlatformTransactionManager transactionManager;

    @Test
    void theSecondOfTwoConcurrentChangesToTheSameVariablesFails() throws Exception {
        if (repository.createProcessDefinitionQuery().processDefinitionKey(PROCESS).count() == 0) {
            repository.createDeployment().addModelInstance(PROCESS + ".bpmn", Bpmn.createExecutableProcess(PROCESS)
                    .camundaHistoryTimeToLive(1).startEvent().userTask().endEvent().done()).deploy();
        }
        String instance = runtime.startProcessInstanceByKey(PROCESS, variables(0)).getId();
        var firstChanged = new CountDownLatch(1);
        var transaction = new TransactionTemplate(transactionManager);

        // the first change is written but not committed for a moment; the second reads the old
        // revisions meanwhile and can only write after the first has committed
        var first = CompletableFuture.runAsync(() -> transaction.executeWithoutResult(status -> {
            runtime.setVariables(instance, variables(1));
            firstChanged.countDown();
            sleep(1500);
        }));
        assertThat(firstChanged.await(30, TimeUnit.SECONDS)).isTrue();
        assertThatThrownBy(() -> runtime.setVariables(instance, variables(2)))
                .isInstanceOf(OptimisticLockingException.class);
        first.get(30, TimeUnit.SECONDS);

        assertThat(runtime.getVariables(instance)).isEqualTo(variables(1));
    }

    /** Five variables, so that their updates form a batch of five statements. */
    private static Map<String, Object> variables(int round) {
        var variables = new HashMap<String, Object>();
        for (int i = 1; i <= 5; i++) {
            variables.put("v" + i, round * 10 + i);
        }
        return variables;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
