package org.reviewcycle.demo;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/** Loads the demo school and its cycle when the application starts with {@code reviewcycle.demo.enabled=true}. */
@Component
@ConditionalOnProperty(name = "reviewcycle.demo.enabled", havingValue = "true")
class DemoSchoolLoader implements ApplicationRunner {

    private final DemoSchool demoSchool;
    private final DemoCycle demoCycle;

    DemoSchoolLoader(DemoSchool demoSchool, DemoCycle demoCycle) {
        this.demoSchool = demoSchool;
        this.demoCycle = demoCycle;
    }

    /** At the first start: the school, then its cycle launched and under way. Later starts change nothing. */
    @Override
    public void run(ApplicationArguments args) {
        if (demoSchool.createIfMissing()) {
            demoCycle.launchAndProgress();
        }
    }
}
