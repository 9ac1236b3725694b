package org.reviewcycle.record;

import static org.assertj.core.api.Assertions.assertThat;
import static org.reviewcycle.support.SignedOffReview.COMMENTS;
import static org.reviewcycle.support.SignedOffReview.FINAL_REVIEW_ANSWER;
import static org.reviewcycle.support.SignedOffReview.FINAL_REVIEW_DISAGREEMENT;
import static org.reviewcycle.support.SignedOffReview.IMPACT;
import static org.reviewcycle.support.SignedOffReview.OBJECTIVE;
import static org.reviewcycle.support.SignedOffReview.OBJECTIVES_ANSWER;
import static org.reviewcycle.support.SignedOffReview.OBJECTIVES_DISAGREEMENT;
import static org.reviewcycle.support.SignedOffReview.PAY_REASON;
import static org.reviewcycle.support.SignedOffReview.SELF_REVIEW_OVERALL;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.imageio.ImageIO;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.reviewcycle.review.Review;
import org.reviewcycle.school.SchoolService;
import org.reviewcycle.staff.StaffCategory;
import org.reviewcycle.staff.StaffMember;
import org.reviewcycle.staff.StaffService;
import org.reviewcycle.support.Browser;
import org.reviewcycle.support.SignedOffReview;
import org.reviewcycle.support.TestSchool;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/**
 * In a real browser, as people do it: the head finds a signed-off review from "Past reviews" (one with a
 * self-review, and disagreements the head answered), reads its record and downloads its written report (the PDF's text read back, its first page saved as a picture) and
 * the zip of the cycle's reports, and names the business manager to read pay; then the teacher reads their own record, sees that the head read it and downloads everything held about
 * them.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class RecordBrowserTest {

    @LocalServerPort int port;
    @Autowired SchoolService schools;
    @Autowired StaffService staff;
    @Autowired ApplicationContext context;

    @Test
    void theHeadReadsARecordAndItsReportThenTheTeacherSeesWhoReadItAndDownloadsEverything() throws Exception {
        TestSchool school = TestSchool.create(schools, staff);
        Review review = new SignedOffReview(context::getBean).disputedAt(school);
        String office = "office." + school.school().code();
        StaffMember businessManager = staff.addStaffMember(new StaffMember(null, school.school().id(), office, "Olive",
                "Office", office + "@example.org", "School business manager", StaffCategory.ADMINISTRATOR, true, true,
                school.head().id()), "demo");

        try (var browser = new Browser(port, "record")) {
            browser.logIn(school.head().username(), "demo");
            browser.waitUntilPathStartsWith("/camunda/app/tasklist/");
            browser.open("/records");
            browser.click(By.linkText(school.teacher().fullName()));
            browser.click(By.linkText("Read the whole record"));
            browser.waitUntilTextShown("Appraisal record of " + school.teacher().fullName());
            assertThat(browser.currentPath()).isEqualTo("/records/reviews/" + review.id());
            assertThat(browser.pageText()).contains(OBJECTIVE, IMPACT, COMMENTS, PAY_REASON,
                    "Decided by " + school.head().fullName()).doesNotContain("Who has read your record");
            browser.screenshot("1-the-head-reads-the-record");

            byte[] pdf = browser.download("Download the written report (PDF)");
            try (PDDocument document = Loader.loadPDF(pdf)) {
                assertThat(new PDFTextStripper().getText(document)).contains(school.school().name(),
                        school.teacher().fullName(), OBJECTIVE, "Outcome: Met", IMPACT, PAY_REASON, COMMENTS,
                        "Signed off by " + school.head().fullName());
                savePages(document, Path.of("target", "screenshots", "record"));
            }
            browser.driver().executeScript("document.getElementById('mid-year').scrollIntoView()");
            browser.screenshot("2-the-mid-year-check-and-observations");
            assertThat(browser.pageText()).contains(OBJECTIVES_DISAGREEMENT, OBJECTIVES_ANSWER, "5. Self-review",
                    SELF_REVIEW_OVERALL, FINAL_REVIEW_DISAGREEMENT, FINAL_REVIEW_ANSWER);
            // the end of the objectives (the head's answer to the disagreement), the self-review, the end of the
            // final review (the disagreement at the sign-off, the head's answer, the sign-off)
            browser.driver().executeScript("document.getElementById('mid-year').scrollIntoView(false)");
            browser.screenshot("2b-the-head-answers-the-disagreement-with-the-objectives");
            browser.driver().executeScript("document.getElementById('self-review').scrollIntoView()");
            browser.screenshot("2c-the-self-review");
            browser.driver().executeScript("window.scrollTo(0, document.body.scrollHeight)");
            browser.screenshot("2d-the-head-answers-the-disagreement-with-the-final-review");

            // the whole cycle's reports, built in the background
            browser.open("/records");
            browser.click(By.partialLinkText("Written reports of the 2026/27 cycle"));
            browser.click(By.xpath("//button[normalize-space()='Build the zip']"));
            browser.waitUntilTextShown("Download the zip");
            assertThat(browser.pageText()).containsPattern("(\\d+) of \\1 reports written");
            browser.screenshot("3-the-cycles-reports-zipped");
            assertThat(ReviewRecordPagesTest.unzip(browser.download("Download the zip"))).isNotEmpty();

            // the head names the business manager to read pay recommendations
            browser.open("/records");
            browser.click(By.linkText("Who reads pay recommendations"));
            browser.click(By.xpath("//button[normalize-space()='Name to read pay']"));
            browser.waitUntilTextShown(businessManager.fullName() + " now reads pay recommendations.");
            browser.screenshot("4-pay-readers");
        }

        try (var browser = new Browser(port, "record")) {
            browser.logIn(school.teacher().username(), "demo");
            browser.waitUntilPathStartsWith("/camunda/app/tasklist/");
            browser.open("/records");
            browser.click(By.linkText("Your own reviews"));
            browser.click(By.linkText("Read the whole record"));
            browser.waitUntilTextShown("Your appraisal record");
            String text = browser.pageText();
            assertThat(text).contains("Who has read your record", school.head().fullName() + ", Headteacher",
                    "Head of the school", "The record page", "The written report (PDF)", PAY_REASON);
            browser.screenshot("5-the-teacher-reads-their-record");
            browser.driver().executeScript("document.getElementById('reads').scrollIntoView()");
            browser.screenshot("6-who-has-read-it");

            byte[] zip = browser.download("Download everything held about you");
            var entries = ReviewRecordPagesTest.unzip(zip);
            assertThat(new String(entries.get("about-you.json"), StandardCharsets.UTF_8))
                    .contains(OBJECTIVE, PAY_REASON, school.head().fullName(), school.teacher().email());
            assertThat(entries.keySet()).anyMatch(name -> name.startsWith("written-reports/") && name.endsWith(".pdf"));
        }
    }

    /** Fetches what the link points at with the browser's own session, as its download would. */
    /** Each page of the report as a picture, report-page-1.png onwards, to look at. */
    private static void savePages(PDDocument document, Path folder) throws IOException {
        Files.createDirectories(folder);
        var renderer = new PDFRenderer(document);
        for (int page = 0; page < document.getNumberOfPages(); page++) {
            ImageIO.write(renderer.renderImageWithDPI(page, 110), "png",
                    folder.resolve("report-page-" + (page + 1) + ".png").toFile());
        }
    }
}
