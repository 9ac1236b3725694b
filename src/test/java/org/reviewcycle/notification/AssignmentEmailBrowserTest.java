package org.reviewcycle.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.internet.MimeMessage;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.reviewcycle.process.CycleLauncher;
import org.reviewcycle.review.ReviewService;
import org.reviewcycle.school.SchoolService;
import org.reviewcycle.staff.StaffService;
import org.reviewcycle.support.Browser;
import org.reviewcycle.support.ReceivedMail;
import org.reviewcycle.support.TestSchool;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;

/**
 * As a new user meets it: a teacher's first step is launched, the assignment email arrives at the mail server
 * (GreenMail), the teacher follows its link in a real browser, logs in, and lands on the step's form in
 * Tasklist. The email, as a mail program shows it, and the landing are saved as screenshots.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT,
        properties = "reviewcycle.mail.send-every=1h")
class AssignmentEmailBrowserTest {

    static final int PORT = OutboxSenderTest.freePort();
    static final int SMTP_PORT = OutboxSenderTest.freePort();

    @DynamicPropertySource
    static void ports(DynamicPropertyRegistry registry) {
        registry.add("server.port", () -> PORT);
        registry.add("reviewcycle.mail.base-url", () -> "http://localhost:" + PORT);
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> SMTP_PORT);
    }

    @Autowired CycleLauncher launcher;
    @Autowired SchoolService schools;
    @Autowired StaffService staff;
    @Autowired ReviewService reviews;
    @Autowired TaskService tasks;
    @Autowired OutboxSender sender;

    final GreenMail smtp = new GreenMail(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    Browser browser;

    @AfterEach
    void stop() {
        if (browser != null) {
            browser.close();
        }
        smtp.stop();
    }

    @Test
    void theTeacherFollowsTheEmailsLinkLogsInAndLandsOnTheStep() throws Exception {
        smtp.start();
        var school = TestSchool.create(schools, staff);
        launcher.launch(school.cycle().id());
        String process = reviews.reviewsIn(school.cycle().id()).stream()
                .filter(r -> r.staffId().equals(school.teacher().id())).findFirst().orElseThrow().processInstanceId();
        Task reflection = tasks.createTaskQuery().processInstanceId(process).singleResult();
        sender.sendDue();

        MimeMessage email = Arrays.stream(smtp.getReceivedMessages())
                .filter(m -> ReceivedMail.to(m).equals(school.teacher().email())).findFirst()
                .orElseThrow(() -> new AssertionError("No email reached the teacher"));
        assertThat(email.getSubject()).startsWith("Reflect before the planning meeting: " + school.teacher().fullName());
        String raw = GreenMailUtil.getWholeMessage(email);
        Matcher link = Pattern.compile("(http://localhost:" + PORT + "/steps/[0-9a-f-]+)").matcher(raw);
        assertThat(link.find()).as("a link to the step in the email").isTrue();
        assertThat(link.group(1)).endsWith(reflection.getId());

        browser = new Browser(PORT, "assignment-email");
        // the email as the teacher's mail program shows it: its HTML part
        Path html = Path.of("target/screenshots/assignment-email/email.html");
        Files.createDirectories(html.getParent());
        Files.writeString(html, htmlPart(email));
        browser.driver().get(html.toUri().toString());
        browser.screenshot("01-the-email");

        // the link, in a browser that has not logged in: the login page, then the step
        browser.driver().get(link.group(1));
        browser.waitFor(By.id("username"));
        browser.type(By.id("username"), school.teacher().username());
        browser.type(By.id("password"), "demo");
        browser.driver().findElement(By.cssSelector("button[type=submit]")).click();
        browser.waitUntilPathStartsWith("/camunda/app/tasklist/");
        browser.waitUntilTextShown("Your self-reflection");
        assertThat(browser.driver().getCurrentUrl()).contains("task=" + reflection.getId());
        browser.screenshot("02-the-step-in-tasklist");
    }

    private static String htmlPart(MimeMessage email) throws Exception {
        String html = htmlIn(email.getContent());
        if (html == null) {
            throw new AssertionError("The email has no HTML part");
        }
        return html;
    }

    /** The text/html part, however deep the multiparts nest it (mixed, related, alternative). */
    private static String htmlIn(Object content) throws Exception {
        if (content instanceof jakarta.mail.Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                var part = multipart.getBodyPart(i);
                String html = part.isMimeType("text/html") ? (String) part.getContent() : htmlIn(part.getContent());
                if (html != null) {
                    return html;
                }
            }
        }
        return null;
    }
}
