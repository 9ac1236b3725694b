/**
 * Camunda Tasklist (and its sibling webapps) as staff meet it: how their files are cached, and the
 * work of the first request done at start-up. What they show is configured in each app's
 * {@code scripts/config.js}, {@code styles/user-styles.css} and the scripts in {@code static/reviewcycle/}.
 */
package org.reviewcycle.tasklist;
