package org.reviewcycle.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.reviewcycle.school.SchoolService;
import org.reviewcycle.staff.StaffService;
import org.reviewcycle.support.TestSchool;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;

/**
 * The outbox's sender against a real SMTP server (GreenMail) on a port of its own: each email is sent once
 * with both parts; while the server is down nothing is lost and it all goes when it is back; an email that
 * keeps failing is kept as failed with the reason, and goes when an administrator sends it again; a claim
 * left by a node that died is taken over when it lapses.
 */
@SpringBootTest(properties = {"reviewcycle.mail.send-every=1h", "reviewcycle.mail.max-attempts=3",
        "reviewcycle.mail.from=ReviewCycle <reviews@littletown.example.org>"})
class OutboxSenderTest {

    static final int SMTP_PORT = freePort();

    @DynamicPropertySource
    static void smtp(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> SMTP_PORT);
        registry.add("spring.mail.properties.mail.smtp.connectiontimeout", () -> 2000);
    }

    @Autowired Outbox outbox;
    @Autowired OutboxSender sender;
    @Autowired SchoolService schools;
    @Autowired StaffService staff;
    @Autowired TransactionTemplate transaction;
    @Autowired JdbcTemplate jdbc;

    GreenMail smtp;
    TestSchool school;

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    GreenMail startSmtp() {
        GreenMail server = new GreenMail(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        server.start();
        return server;
    }

    @BeforeEach
    void setUp() throws Exception {
        smtp = startSmtp();
        school = TestSchool.create(schools, staff);
        // what other tests left in the shared outbox is not this test's: it is sent and forgotten first
        sender.sendDue();
        smtp.purgeEmailFromAllMailboxes();
    }

    @AfterEach
    void stopSmtp() {
        if (smtp != null) {
            smtp.stop();
        }
    }

    List<Long> write(int count) {
        return transaction.execute(status -> {
            for (int i = 1; i <= count; i++) {
                outbox.write(new OutgoingMail(school.school().id(), school.teacher().id(), school.teacher().email(),
                        MailKind.REMINDER, null, "outbox-test", Map.of("name", "Teacher", "note", "Note " + i)));
            }
            return jdbc.queryForList("select id from mail_outbox where school_id = ? order by id", Long.class,
                    school.school().id());
        });
    }

    String status(long id) {
        return jdbc.queryForObject("select status from mail_outbox where id = ?", String.class, id);
    }

    /** As if the waits were over: every waiting email of the school is due now. */
    void timePasses() {
        jdbc.update("update mail_outbox set next_attempt_at = timestampadd(SECOND, -1, current_timestamp)"
                + " where school_id = ? and status = 'WAITING'", school.school().id());
    }

    @Test
    void eachEmailIsSentOnceWithBothPartsAndItsOwnMessageId() throws Exception {
        List<Long> ids = write(3);

        assertThat(sender.sendDue()).isEqualTo(3);
        assertThat(sender.sendDue()).as("a second round").isZero();

        MimeMessage[] received = smtp.getReceivedMessages();
        assertThat(received).hasSize(3);
        assertThat(received[0].getSubject()).isEqualTo("A note for Teacher");
        assertThat(received[0].getAllRecipients()[0].toString()).isEqualTo(school.teacher().email());
        assertThat(received[0].getFrom()[0].toString()).contains("reviews@littletown.example.org");
        String raw = GreenMailUtil.getWholeMessage(received[0]);
        assertThat(raw).contains("multipart/alternative").contains("text/plain").contains("text/html");
        assertThat(Arrays.stream(received).map(m -> header(m, "Message-ID")))
                .containsExactlyInAnyOrderElementsOf(ids.stream()
                        .map(id -> "<reviewcycle-mail-" + id + "@littletown.example.org>").toList());
        assertThat(ids).allSatisfy(id -> assertThat(status(id)).isEqualTo("SENT"));
    }

    @Test
    void whileTheMailServerIsDownNothingIsLostAndEverythingGoesWhenItIsBack() {
        smtp.stop();
        List<Long> ids = write(4);

        // an hour of an outage: a try, then the waits pass and it is tried again, and again
        for (int round = 1; round <= 2; round++) {
            assertThat(sender.sendDue()).isZero();
            Map<String, Object> row = jdbc.queryForMap("select status, attempts, last_error, "
                    + "case when next_attempt_at > current_timestamp then 1 else 0 end as later from mail_outbox where id = ?",
                    ids.get(0));
            assertThat(row.get("STATUS")).isEqualTo("WAITING");
            assertThat(((Number) row.get("ATTEMPTS")).intValue()).isEqualTo(round);
            assertThat((String) row.get("LAST_ERROR")).startsWith("The mail server did not take it:");
            assertThat(((Number) row.get("LATER")).intValue()).as("the next try waits").isOne();
            assertThat(sender.sendDue()).as("nothing before the wait is over").isZero();
            timePasses();
        }

        smtp = startSmtp();
        assertThat(sender.sendDue()).isEqualTo(4);
        assertThat(smtp.getReceivedMessages()).hasSize(4);
        assertThat(ids).allSatisfy(id -> assertThat(status(id)).isEqualTo("SENT"));
    }

    @Test
    void anEmailThatKeepsFailingIsKeptWithTheReasonAndGoesWhenSentAgain() {
        smtp.stop();
        long id = write(1).get(0);
        for (int attempt = 1; attempt <= 3; attempt++) {
            sender.sendDue();
            timePasses();
        }
        assertThat(status(id)).isEqualTo("FAILED");
        assertThat(sender.sendDue()).as("a failed email waits for an administrator").isZero();

        smtp = startSmtp();
        jdbc.update("update mail_outbox set status = 'WAITING', attempts = 0, next_attempt_at = current_timestamp where id = ?", id);
        assertThat(sender.sendDue()).isOne();
        assertThat(status(id)).isEqualTo("SENT");
    }

    @Test
    void whatANodeThatDiedHadClaimedIsSentWhenItsClaimLapses() {
        List<Long> ids = write(2);
        jdbc.update("update mail_outbox set status = 'SENDING', claimed_by = 'a node that died',"
                + " claimed_until = timestampadd(SECOND, 60, current_timestamp) where id = ?", ids.get(0));
        assertThat(sender.sendDue()).as("the other, unclaimed, email").isOne();
        assertThat(status(ids.get(0))).isEqualTo("SENDING");

        jdbc.update("update mail_outbox set claimed_until = timestampadd(SECOND, -1, current_timestamp) where id = ?", ids.get(0));
        assertThat(sender.sendDue()).isOne();
        assertThat(status(ids.get(0))).isEqualTo("SENT");
        assertThat(smtp.getReceivedMessages()).hasSize(2);
    }

    static String header(MimeMessage message, String name) {
        try {
            return message.getHeader(name)[0];
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
