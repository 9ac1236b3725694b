package org.reviewcycle.support;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngines;
import org.springframework.context.ApplicationContext;
import org.springframework.core.Ordered;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.TestExecutionListener;

/**
 * Makes the engine of the test's own application context the one Camunda's webapps and REST API
 * find. They look the engine up by name ("default") in Camunda's static registry, where the engine
 * started last wins; tests with a database of their own (WholeCycleThroughRestTest,
 * WholeReviewBrowserTest, LoginThrottleTest...) start a second application, and Spring keeps both.
 * Without this, a test that ran in the first application after the second had started sent its
 * HTTP requests to the other application's engine (and Tasklist answered with a 500: its user was
 * not in that database). Registered for every test in META-INF/spring.factories.
 */
public class CurrentProcessEngine implements TestExecutionListener, Ordered {

    @Override
    public void beforeTestMethod(TestContext testContext) {
        if (!testContext.hasApplicationContext()) {
            return;
        }
        ApplicationContext context = testContext.getApplicationContext();
        context.getBeanProvider(ProcessEngine.class).ifAvailable(engine -> {
            if (ProcessEngines.getProcessEngine(engine.getName()) != engine) {
                ProcessEngines.registerProcessEngine(engine);
            }
        });
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
