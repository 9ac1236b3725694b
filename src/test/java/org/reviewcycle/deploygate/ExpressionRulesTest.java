package org.reviewcycle.deploygate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The expressions a model may hold, read as the engine reads them, without an engine. */
class ExpressionRulesTest {

    /** A few of the application's beans: ours, and the engine's services that must stay out of reach. */
    private static final Set<String> BEANS = Set.of("reviewSchedule", "decideReviewPlanDelegate",
            "planningMeetingListener", "runtimeService", "processEngine", "dataSource", "systemProperties");

    private final ExpressionRules rules = new ExpressionRules(new Beans() {
        @Override
        public boolean exists(String name) {
            return BEANS.contains(name);
        }

        @Override
        public Optional<Class<?>> typeOf(String name) {
            return Optional.empty();
        }
    });

    @ParameterizedTest
    @ValueSource(strings = {
            "Hold the planning meeting",
            "${revieweeUsername}",
            "${!objectivesApproved}",
            "${observationCount > 0}",
            "${observationCount == 0 && !midYearCheckDone}",
            "${reviewSchedule.dueDate(execution)}",
            "${reviewSchedule.midYearCheckFrom(execution)}",
            "${facts.reviewee.name}",
            "${facts['observationCount']}",
            "${empty headGroup ? 'heads' : headGroup}",
            "Review of ${revieweeName} for ${cycleYear}",
            "${now()}",
            "${currentUser()}"})
    void allowsVariablesOperatorsAndOurMethods(String text) {
        assertThat(rules.refusal(text)).as(text).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "${execution.getProcessEngineServices().getRuntimeService()}|calls a method",
            "${execution.processEngineServices}|reads a property of execution",
            "${execution}|uses execution itself",
            "${task.execution}|reads a property of task",
            "${revieweeUsername.getClass().forName('java.lang.Runtime')}|calls a method",
            "${revieweeUsername.class.classLoader}|the way from a value to Java's classes",
            "${revieweeUsername['class']}|the way from a value to Java's classes",
            "${facts[fieldName]}|worked out when it runs",
            "${reviewSchedule.toString()}|calls the method toString() of reviewSchedule",
            "${reviewSchedule.reviews}|reads a property of the bean reviewSchedule",
            "${runtimeService}|names the bean runtimeService",
            "${processEngine.runtimeService}|reads a property of the bean processEngine",
            "${systemProperties['user.home']}|reads a property of the bean systemProperties",
            "${reviewSchedule.dueDate(processEngine)}|names the bean processEngine",
            "${decideReviewPlanDelegate.execute(execution)}|calls the method execute()",
            "${fn:exec('id')}|calls the function",
            "${x.y(}|cannot be read"})
    void refusesEverythingElse(String text, String reason) {
        assertThat(rules.refusal(text)).as(text).hasValueSatisfying(r -> assertThat(r).contains(reason));
    }
}
