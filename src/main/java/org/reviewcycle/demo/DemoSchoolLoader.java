package org.reviewcycle.demo;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/** Loads the demo school when the application starts with {@code reviewcycle.demo.enabled=true}. */
@Component
@ConditionalOnProperty(name = "reviewcycle.demo.enabled", havingValue = "true")
class DemoSchoolLoader implements ApplicationRunner {

    private final DemoSchool demoSchool;

    DemoSchoolLoader(DemoSchool demoSchool) {
        this.demoSchool = demoSchool;
    }

    @Override
    public void run(ApplicationArguments args) {
        demoSchool.createIfMissing();
    }
}
