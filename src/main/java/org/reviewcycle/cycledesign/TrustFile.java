package org.reviewcycle.cycledesign;

/** One file of a version of the trust's default cycle (table trust_cycle_file). */
record TrustFile(String fileName, String content) {
}
