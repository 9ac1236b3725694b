/**
 * The demo school, Littletown Primary (seed 002): staff with the password {@code demo}, teams,
 * reviewers, the writing priority and the cycle of the academic year that contains today. On in
 * the default profile; under {@code mysql} only when {@code reviewcycle.demo.enabled=true}.
 */
package org.reviewcycle.demo;
