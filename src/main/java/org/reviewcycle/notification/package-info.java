/**
 * Email: every email is written to the outbox ({@link org.reviewcycle.notification.Outbox}) in the
 * transaction of the step that causes it, rendered from the Thymeleaf templates under
 * {@code templates/mail/} ({@link org.reviewcycle.notification.MailTemplates}); the outbox's sender sends
 * what is waiting through Spring Boot's mail support, once, with retries.
 */
package org.reviewcycle.notification;
