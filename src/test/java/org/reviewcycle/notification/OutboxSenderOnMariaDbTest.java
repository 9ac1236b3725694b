package org.reviewcycle.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.reviewcycle.school.SchoolService;
import org.reviewcycle.staff.StaffService;
import org.reviewcycle.support.MariaDbTest;
import org.reviewcycle.support.TestSchool;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

/**
 * Two senders, as two nodes have, sending the same outbox at the same time on MariaDB: every email reaches
 * the SMTP server exactly once (SELECT ... FOR UPDATE SKIP LOCKED), and each sender took a share.
 */
@MariaDbTest
class OutboxSenderOnMariaDbTest {

    static final int SMTP_PORT = OutboxSenderTest.freePort();
    static final int EMAILS = 300;

    @DynamicPropertySource
    static void smtp(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> SMTP_PORT);
        registry.add("reviewcycle.mail.send-every", () -> "1h");
        registry.add("reviewcycle.mail.batch", () -> "10");
    }

    @Autowired OutboxMapper mapper;
    @Autowired OutboxSettings settings;
    @Autowired ObjectProvider<JavaMailSender> mailSender;
    @Autowired PlatformTransactionManager transactions;
    @Autowired Outbox outbox;
    @Autowired OutboxSender sender;
    @Autowired SchoolService schools;
    @Autowired StaffService staff;
    @Autowired TransactionTemplate transaction;
    @Autowired JdbcTemplate jdbc;

    GreenMail smtp = new GreenMail(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));

    @AfterEach
    void stop() {
        smtp.stop();
    }

    @Test
    void twoNodesSendingAtOnceSendEachEmailOnce() throws Exception {
        smtp.start();
        sender.sendDue(); // what earlier tests left waiting goes first
        smtp.purgeEmailFromAllMailboxes();
        TestSchool school = TestSchool.create(schools, staff);
        transaction.executeWithoutResult(status -> {
            for (int i = 1; i <= EMAILS; i++) {
                outbox.write(new OutgoingMail(school.school().id(), school.teacher().id(), "person" + i + "@example.org",
                        MailKind.REMINDER, null, "outbox-test", Map.of("name", "Person " + i, "note", "Note " + i)));
            }
        });
        OutboxSender nodeA = new OutboxSender(mapper, settings, mailSender, transactions);
        OutboxSender nodeB = new OutboxSender(mapper, settings, mailSender, transactions);

        var pool = Executors.newFixedThreadPool(2);
        try {
            var a = CompletableFuture.supplyAsync(nodeA::sendDue, pool);
            var b = CompletableFuture.supplyAsync(nodeB::sendDue, pool);
            int sentByA = a.get();
            int sentByB = b.get();
            System.out.println("Node A sent " + sentByA + ", node B sent " + sentByB);
            assertThat(sentByA + sentByB).isEqualTo(EMAILS);
            assertThat(sentByA).as("node A's share").isPositive();
            assertThat(sentByB).as("node B's share").isPositive();
        } finally {
            pool.shutdown();
        }

        var received = smtp.getReceivedMessages();
        assertThat(received).hasSize(EMAILS);
        assertThat(Arrays.stream(received).map(m -> OutboxSenderTest.header(m, "Message-ID")).distinct().count())
                .isEqualTo(EMAILS);
        assertThat(jdbc.queryForObject("select count(*) from mail_outbox where school_id = ? and status = 'SENT'",
                Integer.class, school.school().id())).isEqualTo(EMAILS);
    }
}
