package org.reviewcycle.process;

import org.reviewcycle.support.MariaDbTest;

/** {@link StaffChangesScenarios} on MariaDB. */
@MariaDbTest
class StaffChangesOnMariaDbTest extends StaffChangesScenarios {
}
