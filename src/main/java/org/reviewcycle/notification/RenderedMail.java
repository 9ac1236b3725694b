package org.reviewcycle.notification;

/** An email as its person reads it: the subject, and the same words as plain text and as HTML. */
public record RenderedMail(String subject, String text, String html) {
}
