package org.reviewcycle.process;

import org.springframework.boot.test.context.SpringBootTest;

/** {@link StaffChangesScenarios} on H2. */
@SpringBootTest
class StaffChangesTest extends StaffChangesScenarios {
}
