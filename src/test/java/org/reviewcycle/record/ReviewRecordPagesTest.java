package org.reviewcycle.record;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.reviewcycle.support.SignedOffReview.COMMENTS;
import static org.reviewcycle.support.SignedOffReview.CPD;
import static org.reviewcycle.support.SignedOffReview.EVIDENCE;
import static org.reviewcycle.support.SignedOffReview.FINAL_REVIEW_ANSWER;
import static org.reviewcycle.support.SignedOffReview.FINAL_REVIEW_DISAGREEMENT;
import static org.reviewcycle.support.SignedOffReview.IMPACT;
import static org.reviewcycle.support.SignedOffReview.MODERATION;
import static org.reviewcycle.support.SignedOffReview.OBJECTIVE;
import static org.reviewcycle.support.SignedOffReview.OBJECTIVES_ANSWER;
import static org.reviewcycle.support.SignedOffReview.OBJECTIVES_DISAGREEMENT;
import static org.reviewcycle.support.SignedOffReview.PAY_REASON;
import static org.reviewcycle.support.SignedOffReview.SELF_REVIEW_OVERALL;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipInputStream;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.reviewcycle.review.Review;
import org.reviewcycle.school.SchoolService;
import org.reviewcycle.staff.StaffCategory;
import org.reviewcycle.staff.StaffMember;
import org.reviewcycle.staff.StaffService;
import org.reviewcycle.support.AsPerson;
import org.reviewcycle.support.SignedOffReview;
import org.reviewcycle.support.TestSchool;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * One signed-off review of a teacher at school A (who disagreed with the objectives and with the final
 * review, the head answering each, and wrote a self-review), read as each role through the pages people use: the
 * record page, its PDF (text read back with PDFBox), the reviewee's export, the school's zip, the pay
 * readers. Who may read and who is refused (a colleague, another school's head and admin, a trust admin, a
 * plain member of staff standing in for a governor); who sees the pay recommendation; what the access log
 * keeps and shows the reviewee.
 */
@SpringBootTest
@AutoConfigureMockMvc
class ReviewRecordPagesTest {

    @Autowired MockMvc mvc;
    @Autowired UserDetailsService logins;
    @Autowired SchoolService schools;
    @Autowired StaffService staff;
    @Autowired JdbcTemplate jdbc;
    @Autowired ApplicationContext context;

    TestSchool a;
    TestSchool b;
    StaffMember adminOfA;
    StaffMember adminOfB;
    Review review;
    AsPerson people;

    @BeforeEach
    void aTeachersReviewIsSignedOff() {
        people = new AsPerson(logins);
        a = TestSchool.create(schools, staff);
        b = TestSchool.create(schools, staff);
        adminOfA = admin(a);
        adminOfB = admin(b);
        review = new SignedOffReview(context::getBean).disputedAt(a);
    }

    private StaffMember admin(TestSchool school) {
        String username = "office." + school.school().code();
        return staff.addStaffMember(new StaffMember(null, school.school().id(), username, "Olive",
                "Office" + school.school().code(), username + "@example.org", "School business manager",
                StaffCategory.ADMINISTRATOR, true, true, school.head().id()), "demo");
    }

    /** Everyone refused: a colleague, B's head, admin and teacher, the trust admin, a demo school's head. */
    private List<String> refused() {
        return List.of(a.assistant().username(), b.head().username(), adminOfB.username(), b.teacher().username(),
                "admin", "hc.head");
    }

    @Test
    void theRevieweeTheirReviewerTheHeadAndTheSchoolsAdminReadTheWholeRecordInOrder() throws Exception {
        for (String reader : List.of(a.teacher().username(), a.leader().username(), a.head().username(),
                adminOfA.username())) {
            String page = mvc.perform(get(page()).with(people.as(reader))).andExpect(status().isOk())
                    .andReturn().getResponse().getContentAsString();
            assertThat(page).contains(OBJECTIVE, EVIDENCE, IMPACT, CPD, COMMENTS, MODERATION,
                    "Approved", "Disagreed", "Good progress so far", "Clear modelling of the writing process",
                    "Decided by " + a.head().fullName(), "Signed by " + a.teacher().fullName(),
                    "Written by " + a.leader().fullName())
                    .doesNotContain(a.head().username() + ",", a.leader().username() + ",",
                            a.teacher().username() + ",");
            // in the order things happened
            assertThat(page.indexOf("Reflection before the planning meeting")).isLessThan(page.indexOf("2. Objectives"));
            assertThat(page.indexOf("Good progress so far")).isLessThan(page.indexOf("Lesson observations"));
            assertThat(page.indexOf("Lesson observations")).isLessThan(page.indexOf("5. Self-review"));
            assertThat(page.indexOf("5. Self-review")).isLessThan(page.indexOf("6. Final review"));
            assertThat(page.indexOf("6. Final review")).isLessThan(page.indexOf(IMPACT));
        }
    }

    @Test
    void theRecordShowsTheSelfReviewAndTheHeadsAnswerToEachDisagreementByNameInOrder() throws Exception {
        String page = mvc.perform(get(page()).with(people.as(a.head().username()))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        // the disagreement with the objectives, then the head's answer: they stand
        assertThat(page).contains("Why: " + html(OBJECTIVES_DISAGREEMENT),
                "The head&#39;s answer to the disagreement: The objectives stand", html(OBJECTIVES_ANSWER),
                "Answered by " + a.head().fullName());
        assertThat(page.indexOf(html(OBJECTIVES_DISAGREEMENT))).isLessThan(page.indexOf(html(OBJECTIVES_ANSWER)));
        assertThat(page.indexOf(html(OBJECTIVES_ANSWER))).isLessThan(page.indexOf("3. Mid-year check"));
        // the self-review, against each objective, by the teacher
        String selfReview = page.substring(page.indexOf("5. Self-review"), page.indexOf("6. Final review"));
        assertThat(selfReview).contains(OBJECTIVE, "Met the success criteria of objective 1",
                "Pupils&#39; work for objective 1", "Met the success criteria of objective 2", SELF_REVIEW_OVERALL,
                "Written by " + a.teacher().fullName());
        // the disagreement at the sign-off, the head's answer, then the head's sign-off
        String finalReview = page.substring(page.indexOf("6. Final review"));
        assertThat(finalReview).contains("The reviewee signed the review and disagreed with it",
                "Why they disagree: " + html(FINAL_REVIEW_DISAGREEMENT), html(FINAL_REVIEW_ANSWER));
        assertThat(finalReview.indexOf(html(FINAL_REVIEW_DISAGREEMENT)))
                .isLessThan(finalReview.indexOf(html(FINAL_REVIEW_ANSWER)));
        assertThat(finalReview.indexOf(html(FINAL_REVIEW_ANSWER))).isLessThan(finalReview.indexOf(MODERATION));

        // the written report has both disagreements with the head's answers, and the self-review
        String pdf = pdfText(a.head().username()).replaceAll("\\s+", " ");
        assertThat(pdf).contains("Self-review", "Met the success criteria of objective 1", SELF_REVIEW_OVERALL,
                "Disagreements and the head's answers", OBJECTIVES_DISAGREEMENT, OBJECTIVES_ANSWER,
                "The objectives stand.", FINAL_REVIEW_DISAGREEMENT, FINAL_REVIEW_ANSWER,
                "Answered by " + a.head().fullName(), "Signed by " + a.teacher().fullName() + ", ", "disagreeing with the review (below)",
                "1. " + OBJECTIVE + ": Met the success criteria of objective 1 (evidence: Pupils' work for objective 1)");
    }

    /** Text as the page escapes it (Thymeleaf writes an apostrophe as &#39;). */
    private static String html(String text) {
        return text.replace("'", "&#39;");
    }

    @Test
    void everyoneElseIsRefusedThePagePdfAndZipAndNothingIsLogged() throws Exception {
        for (String reader : refused()) {
            mvc.perform(get(page()).with(people.as(reader))).andExpect(status().isForbidden())
                    .andExpect(content().string(not(containsString(OBJECTIVE))));
            mvc.perform(get(page() + "/report.pdf").with(people.as(reader))).andExpect(status().isForbidden());
            mvc.perform(get(cycleReports()).with(people.as(reader))).andExpect(status().isForbidden());
            mvc.perform(post(cycleReports()).with(people.as(reader)).with(csrf())).andExpect(status().isForbidden());
        }
        // the reviewee's own reads are not logged either
        mvc.perform(get(page()).with(people.as(a.teacher().username()))).andExpect(status().isOk());
        assertThat(reads()).isZero();
        // a review that does not exist is refused the same way
        mvc.perform(get("/records/reviews/987654321").with(people.as(a.head().username())))
                .andExpect(status().isForbidden());
    }

    @Test
    void thePayRecommendationIsForTheRevieweeReviewerHeadAndTheAdministratorsTheSchoolNames() throws Exception {
        for (String reader : List.of(a.teacher().username(), a.leader().username(), a.head().username())) {
            mvc.perform(get(page()).with(people.as(reader)))
                    .andExpect(content().string(containsString(PAY_REASON)));
            assertThat(pdfText(reader)).contains(PAY_REASON, "Pay progression recommended");
        }
        mvc.perform(get(page()).with(people.as(adminOfA.username())))
                .andExpect(content().string(not(containsString(PAY_REASON))))
                .andExpect(content().string(not(containsString("Pay progression"))));
        assertThat(pdfText(adminOfA.username())).contains(OBJECTIVE).doesNotContain(PAY_REASON, "Pay progression");

        // the head names the administrator; a teacher may not, another school's head cannot name A's admin
        String payReaders = "/records/pay-readers";
        for (String reader : List.of(a.teacher().username(), a.leader().username())) {
            mvc.perform(get(payReaders).with(people.as(reader))).andExpect(status().isForbidden());
            mvc.perform(post(payReaders).param("staffId", String.valueOf(adminOfA.id())).param("named", "true")
                    .with(people.as(reader)).with(csrf())).andExpect(status().isForbidden());
        }
        // an administrator may not name themselves (they would read every pay recommendation), nor may the trust
        // admin, an administrator of the demo school; nothing is changed
        for (String notTheHead : List.of(adminOfA.username(), "admin")) {
            mvc.perform(post(payReaders).param("staffId", String.valueOf(adminOfA.id())).param("named", "true")
                    .with(people.as(notTheHead)).with(csrf())).andExpect(status().isForbidden());
        }
        mvc.perform(get(payReaders).with(people.as(adminOfA.username()))).andExpect(status().isOk())
                .andExpect(content().string(containsString("Only the head names who reads pay recommendations.")))
                .andExpect(content().string(not(containsString("Name to read pay"))));
        // B's head answers for their own school only
        for (String otherSchools : List.of(b.head().username())) {
            for (StaffMember notAnAdminOfTheirs : List.of(adminOfA, b.teacher())) {
                mvc.perform(post(payReaders).param("staffId", String.valueOf(notAnAdminOfTheirs.id()))
                        .param("named", "true").with(people.as(otherSchools)).with(csrf()))
                        .andExpect(status().isBadRequest()).andExpect(content().string(
                                containsString("Only the school&#39;s administrators can be named")));
            }
        }
        mvc.perform(get(page()).with(people.as(adminOfA.username())))
                .andExpect(content().string(not(containsString(PAY_REASON))));
        mvc.perform(post(payReaders).param("staffId", String.valueOf(adminOfA.id())).param("named", "true")
                .with(people.as(a.head().username())).with(csrf())).andExpect(status().is3xxRedirection());
        mvc.perform(get(payReaders).with(people.as(adminOfA.username()))).andExpect(status().isOk())
                .andExpect(content().string(containsString(adminOfA.fullName())));
        mvc.perform(get(page()).with(people.as(adminOfA.username())))
                .andExpect(content().string(containsString(PAY_REASON)));
        assertThat(pdfText(adminOfA.username())).contains(PAY_REASON);
    }

    @Test
    void theWrittenReportIsATaggedPdfWithRealTextAndAnEmbeddedFont() throws Exception {
        byte[] pdf = pdf(a.head().username());
        try (PDDocument document = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(document);
            assertThat(text).contains(a.school().name(), "Appraisal report 2026/27", a.teacher().fullName(),
                    a.leader().fullName(), a.head().fullName(), OBJECTIVE, "Scrutiny shows most pupils reach their",
                    "Outcome: Met", EVIDENCE, IMPACT, CPD, PAY_REASON, COMMENTS, MODERATION,
                    "Signed by " + a.teacher().fullName(), "Signed off by " + a.head().fullName());
            assertThat(document.getDocumentCatalog().getMarkInfo().isMarked()).isTrue();
            assertThat(document.getDocumentCatalog().getStructureTreeRoot()).isNotNull();
            assertThat(document.getDocumentCatalog().getLanguage()).isEqualTo("en-GB");
            assertThat(document.getDocumentInformation().getTitle()).contains(a.teacher().fullName());
            var page = document.getPage(0);
            for (var name : page.getResources().getFontNames()) {
                PDFont font = page.getResources().getFont(name);
                assertThat(font.isEmbedded()).as(font.getName()).isTrue();
            }
        }
    }

    @Test
    void theRevieweeSeesWhoReadTheirRecordByNameRoleAndWhat() throws Exception {
        mvc.perform(get(page()).with(people.as(a.head().username()))).andExpect(status().isOk());
        pdf(a.head().username());
        mvc.perform(get(page()).with(people.as(adminOfA.username()))).andExpect(status().isOk());
        assertThat(reads()).isEqualTo(3);

        mvc.perform(get(page()).with(people.as(a.teacher().username()))).andExpect(status().isOk())
                .andExpect(content().string(containsString("Who has read your record")))
                .andExpect(content().string(containsString(a.head().fullName() + ", Headteacher")))
                .andExpect(content().string(containsString("Head of the school")))
                .andExpect(content().string(containsString("The written report (PDF)")))
                .andExpect(content().string(containsString(adminOfA.fullName())))
                .andExpect(content().string(containsString("An administrator of the school")));
        // only the reviewee sees the log
        mvc.perform(get(page()).with(people.as(a.head().username())))
                .andExpect(content().string(not(containsString("Who has read your record"))));
        assertThat(reads()).isEqualTo(4);
    }

    @Test
    void theRevieweeDownloadsEverythingHeldAboutThemAndNobodyElseCan() throws Exception {
        mvc.perform(get(page()).with(people.as(a.head().username()))).andExpect(status().isOk());
        Map<String, byte[]> zip = unzip(mvc.perform(get("/records/everything.zip").with(people.as(
                a.teacher().username()))).andExpect(status().isOk()).andReturn());
        assertThat(zip.keySet()).contains("about-you.json").anyMatch(name -> name.startsWith("written-reports/")
                && name.endsWith(".pdf"));
        String json = new String(zip.get("about-you.json"), StandardCharsets.UTF_8);
        assertThat(json).contains(a.teacher().username(), a.teacher().email(), OBJECTIVE, EVIDENCE, PAY_REASON,
                COMMENTS, "Clear modelling of the writing process", "Good progress so far", a.head().fullName(),
                "HEAD_OF_SCHOOL", "\"PAGE\"", SELF_REVIEW_OVERALL, "Met the success criteria of objective 1",
                OBJECTIVES_DISAGREEMENT, OBJECTIVES_ANSWER, "\"OBJECTIVES_STAND\"", FINAL_REVIEW_DISAGREEMENT,
                FINAL_REVIEW_ANSWER);
        byte[] report = zip.entrySet().stream().filter(e -> e.getKey().endsWith(".pdf")).findFirst().orElseThrow()
                .getValue();
        try (PDDocument document = Loader.loadPDF(report)) {
            assertThat(new PDFTextStripper().getText(document)).contains(OBJECTIVE, PAY_REASON);
        }
        // the same URL gives a colleague their own data, none of the teacher's
        String colleagues = new String(unzip(mvc.perform(get("/records/everything.zip")
                .with(people.as(a.assistant().username()))).andExpect(status().isOk()).andReturn())
                .get("about-you.json"), StandardCharsets.UTF_8);
        assertThat(colleagues).contains(a.assistant().username()).doesNotContain(OBJECTIVE, PAY_REASON);
    }

    @Test
    void theHeadBuildsTheCyclesReportsAsOneZipInTheBackground() throws Exception {
        mvc.perform(get("/records").with(people.as(a.head().username()))).andExpect(status().isOk())
                .andExpect(content().string(containsString(cycleReports())));
        String location = mvc.perform(post(cycleReports()).with(people.as(a.head().username())).with(csrf()))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        String jobPage = location;
        for (int i = 0; i < 300; i++) {
            String page = mvc.perform(get(jobPage).with(people.as(a.head().username()))).andExpect(status().isOk())
                    .andReturn().getResponse().getContentAsString();
            if (page.contains("Download the zip")) {
                break;
            }
            assertThat(page).contains("<progress").doesNotContain("could not be built");
            Thread.sleep(100);
        }
        // another head cannot follow or download it, even knowing its address
        mvc.perform(get(jobPage).with(people.as(b.head().username()))).andExpect(status().isForbidden());
        mvc.perform(get(jobPage + "/download").with(people.as(adminOfA.username()))).andExpect(status().isNotFound());
        Map<String, byte[]> zip = unzip(mvc.perform(get(jobPage + "/download").with(people.as(a.head().username())))
                .andExpect(status().isOk()).andReturn());
        int reviews = jdbc.queryForObject("select count(*) from review where cycle_id = ?", Integer.class,
                a.cycle().id());
        assertThat(zip).hasSize(reviews);
        assertThat(zip.keySet()).anyMatch(name -> name.contains(a.teacher().lastName().replace(' ', '-')));
        assertThat(jdbc.queryForObject("select count(*) from record_read where what = 'CYCLE_ZIP' and reader_id = ?",
                Integer.class, a.head().id())).isEqualTo(reviews);

        // one zip per person and cycle: pressing again replaces the built one (its address is gone), and
        // pressing while it is built follows the same one; presses in a loop never pile up zips
        String again = mvc.perform(post(cycleReports()).with(people.as(a.head().username())).with(csrf()))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        String third = mvc.perform(post(cycleReports()).with(people.as(a.head().username())).with(csrf()))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        assertThat(again).isNotEqualTo(jobPage);
        mvc.perform(get(jobPage).with(people.as(a.head().username()))).andExpect(status().isNotFound());
        if (!third.equals(again)) {
            mvc.perform(get(again).with(people.as(a.head().username()))).andExpect(status().isNotFound());
        }
    }

    private String page() {
        return "/records/reviews/" + review.id();
    }

    private String cycleReports() {
        return "/records/cycles/" + a.cycle().id() + "/reports";
    }

    private int reads() {
        return jdbc.queryForObject("select count(*) from record_read where review_id = ?", Integer.class, review.id());
    }

    private byte[] pdf(String reader) throws Exception {
        MvcResult result = mvc.perform(get(page() + "/report.pdf").with(people.as(reader))).andExpect(status().isOk())
                .andReturn();
        assertThat(result.getResponse().getContentType()).isEqualTo("application/pdf");
        return result.getResponse().getContentAsByteArray();
    }

    private String pdfText(String reader) throws Exception {
        try (PDDocument document = Loader.loadPDF(pdf(reader))) {
            return new PDFTextStripper().getText(document);
        }
    }

    static Map<String, byte[]> unzip(MvcResult result) throws IOException {
        return unzip(result.getResponse().getContentAsByteArray());
    }

    static Map<String, byte[]> unzip(byte[] bytes) throws IOException {
        var entries = new LinkedHashMap<String, byte[]>();
        try (var zip = new ZipInputStream(new ByteArrayInputStream(bytes))) {
            for (var entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                entries.put(entry.getName(), zip.readAllBytes());
            }
        }
        return entries;
    }
}
