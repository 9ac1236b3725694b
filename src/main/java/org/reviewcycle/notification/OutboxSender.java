package org.reviewcycle.notification;

import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.UUID;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends the outbox through the configured SMTP server ({@code spring.mail.*}); with none configured it
 * sends nothing and the mail waits. Every few seconds a node claims a batch of due emails
 * ({@code SELECT ... FOR UPDATE SKIP LOCKED}, so two nodes never claim the same row) for a lease, and
 * sends them one by one, marking each as sent as soon as the server took it. A failed email waits longer
 * after each try ({@link OutboxSettings#retryAfter}) and is kept as failed, with the reason, after the
 * last; a node that dies while sending leaves its claim to lapse, and another node sends what it had
 * claimed. The one email such a node may have handed to the server without marking it can go twice: it
 * carries the same Message-ID both times, so mail servers and readers can tell.
 */
@Component
public class OutboxSender {

    private static final Logger log = LoggerFactory.getLogger(OutboxSender.class);
    /** An error kept for an administrator is cut to the column's length. */
    static final int ERROR_LENGTH = 1000;
    /** A node sends at most this many batches in one round, so that one round ends. */
    static final int BATCHES_PER_ROUND = 50;
    /** A claim looks at this many batches' worth of due emails, so that it finds some no other node is taking. */
    static final int CANDIDATES_PER_CLAIM = 4;

    private final OutboxMapper outbox;
    private final OutboxSettings settings;
    private final ObjectProvider<JavaMailSender> mailSender;
    private final TransactionTemplate transaction;
    /** This node's name in the claims it makes. */
    final String node = ManagementFactory.getRuntimeMXBean().getName() + "/" + UUID.randomUUID().toString().substring(0, 8);

    OutboxSender(OutboxMapper outbox, OutboxSettings settings, ObjectProvider<JavaMailSender> mailSender,
            PlatformTransactionManager transactions) {
        this.outbox = outbox;
        this.settings = settings;
        this.mailSender = mailSender;
        this.transaction = new TransactionTemplate(transactions);
    }

    /** Whether an SMTP server is configured: without one, mail waits in the outbox. */
    public boolean canSend() {
        return mailSender.getIfAvailable() != null;
    }

    @Scheduled(initialDelayString = "${reviewcycle.mail.send-every:10s}", fixedDelayString = "${reviewcycle.mail.send-every:10s}")
    void sendOnSchedule() {
        try {
            sendDue();
        } catch (RuntimeException e) {
            // the database may be away (a restart): the next round tries again, nothing was lost
            log.warn("Could not send the outbox this round: {}", e.toString());
        }
    }

    /** Sends what is due now; returns how many emails the server took. */
    public int sendDue() {
        JavaMailSender sender = mailSender.getIfAvailable();
        if (sender == null) {
            return 0;
        }
        int sent = 0;
        for (int round = 0; round < BATCHES_PER_ROUND; round++) {
            List<ClaimedMail> claimed = claim();
            for (ClaimedMail mail : claimed) {
                if (send(sender, mail)) {
                    sent++;
                }
            }
            if (claimed.size() < settings.batch) {
                break;
            }
        }
        return sent;
    }

    private List<ClaimedMail> claim() {
        return transaction.execute(status -> {
            List<Long> due = outbox.selectDueIds(settings.batch * CANDIDATES_PER_CLAIM);
            List<Long> ids = due.isEmpty() ? due : outbox.selectDueForUpdate(due, settings.batch);
            if (ids.isEmpty()) {
                return List.of();
            }
            outbox.updateClaimed(ids, node, settings.claimLease.toSeconds());
            return outbox.selectClaimed(ids, node);
        });
    }

    private boolean send(JavaMailSender sender, ClaimedMail mail) {
        try {
            sender.send(message(sender, mail));
        } catch (MailException | MessagingException e) {
            int failures = mail.attempts() + 1;
            String reason = reason(e);
            if (failures >= settings.maxAttempts) {
                outbox.updateGivenUp(mail.id(), node, failures, reason);
            } else {
                outbox.updateToRetry(mail.id(), node, failures, reason, settings.retryAfter(failures).toSeconds());
            }
            log.info("Email {} not sent (try {}): {}", mail.id(), failures, reason);
            return false;
        }
        outbox.updateSent(mail.id(), node);
        return true;
    }

    private MimeMessage message(JavaMailSender sender, ClaimedMail mail) throws MessagingException {
        String messageId = "<reviewcycle-mail-" + mail.id() + "@" + settings.messageIdDomain + ">";
        MimeMessage message = sender instanceof JavaMailSenderImpl impl ? withMessageId(impl.getSession(), messageId)
                : sender.createMimeMessage();
        MimeMessageHelper helper = new MimeMessageHelper(message, true, "UTF-8");
        helper.setFrom(settings.from);
        helper.setTo(mail.toAddress());
        helper.setSubject(mail.subject());
        helper.setText(mail.textBody(), mail.htmlBody());
        return message;
    }

    /** A message whose Message-ID is the outbox row's, the same on every try (and on every node). */
    private static MimeMessage withMessageId(Session session, String messageId) {
        return new MimeMessage(session) {
            @Override
            protected void updateMessageID() throws MessagingException {
                setHeader("Message-ID", messageId);
            }
        };
    }

    /** What went wrong, for the administrator: the deepest cause's words, without a stack trace. */
    static String reason(Exception e) {
        Throwable deepest = e;
        while (deepest.getCause() != null && deepest.getCause() != deepest) {
            deepest = deepest.getCause();
        }
        String words = deepest.getMessage() == null ? deepest.getClass().getSimpleName() : deepest.getMessage();
        String reason = "The mail server did not take it: " + words.strip();
        return reason.length() <= ERROR_LENGTH ? reason : reason.substring(0, ERROR_LENGTH);
    }
}
