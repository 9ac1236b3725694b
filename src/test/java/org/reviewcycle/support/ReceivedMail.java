package org.reviewcycle.support;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

/** What the tests read of an email the test's SMTP server (GreenMail) received, without checked exceptions. */
public final class ReceivedMail {

    private ReceivedMail() {
    }

    /** The first recipient's address. */
    public static String to(MimeMessage message) {
        try {
            return message.getAllRecipients()[0].toString();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The Message-ID header, or "" when there is none. */
    public static String messageId(MimeMessage message) {
        try {
            String[] ids = message.getHeader("Message-ID");
            return ids == null ? "" : ids[0];
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
