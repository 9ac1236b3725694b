/** What every feature shares: who the current actor is, for the audit columns. */
package org.reviewcycle.common;
