package org.reviewcycle.record;

import static org.assertj.core.api.Assertions.assertThat;
import static org.reviewcycle.support.SignedOffReview.COMMENTS;
import static org.reviewcycle.support.SignedOffReview.EVIDENCE;
import static org.reviewcycle.support.SignedOffReview.FINAL_REVIEW_ANSWER;
import static org.reviewcycle.support.SignedOffReview.FINAL_REVIEW_DISAGREEMENT;
import static org.reviewcycle.support.SignedOffReview.MODERATION;
import static org.reviewcycle.support.SignedOffReview.OBJECTIVE;
import static org.reviewcycle.support.SignedOffReview.OBJECTIVES_ANSWER;
import static org.reviewcycle.support.SignedOffReview.OBJECTIVES_DISAGREEMENT;
import static org.reviewcycle.support.SignedOffReview.PAY_REASON;
import static org.reviewcycle.support.SignedOffReview.SECOND_OBJECTIVE;
import static org.reviewcycle.support.SignedOffReview.SELF_REVIEW_OVERALL;

import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.reviewcycle.objective.Decision;
import org.reviewcycle.review.Outcome;
import org.reviewcycle.review.PayRecommendation;
import org.reviewcycle.school.SchoolService;
import org.reviewcycle.staff.StaffCategory;
import org.reviewcycle.staff.StaffMember;
import org.reviewcycle.staff.StaffService;
import org.reviewcycle.support.MariaDbTest;
import org.reviewcycle.support.SignedOffReview;
import org.reviewcycle.support.TestSchool;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * RecordMapper.xml on MariaDB: one signed-off review read back whole (names for usernames, every step in
 * order, the self-review, both disagreements with the head's answers, the pay recommendation kept from an administrator the school has not named), the access log
 * written and read, pay readers named and removed, and a cycle's reviews in name order.
 */
@MariaDbTest
class RecordOnMariaDbTest {

    @Autowired SchoolService schools;
    @Autowired StaffService staff;
    @Autowired RecordService records;
    @Autowired ApplicationContext context;

    @AfterEach
    void loggedOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void aSignedOffReviewReadsBackWholeAndEveryReadIsLogged() {
        TestSchool school = TestSchool.create(schools, staff);
        var review = new SignedOffReview(context::getBean).disputedAt(school);
        StaffMember admin = staff.addStaffMember(new StaffMember(null, school.school().id(),
                "office." + school.school().code(), "Olive", "Office", "office." + school.school().code() + "@example.org",
                "School business manager", StaffCategory.ADMINISTRATOR, true, true, school.head().id()), "demo");

        loggedInAs(school.head());
        ReviewRecord record = records.readRecord(review.id(), RecordRead.What.PDF).record();
        assertThat(record.reviewee().name()).isEqualTo(school.teacher().fullName());
        assertThat(record.reviewer().name()).isEqualTo(school.leader().fullName());
        assertThat(record.head().name()).isEqualTo(school.head().fullName());
        assertThat(record.reflection().byName()).isEqualTo(school.teacher().fullName());
        assertThat(record.objectiveRounds()).singleElement().satisfies(round -> {
            assertThat(round.objectives()).extracting(ReviewRecord.RecordObjective::title).first().isEqualTo(OBJECTIVE);
            assertThat(round.objectives()).extracting(ReviewRecord.RecordObjective::priorityCode)
                    .containsExactly("W1", "M1");
            assertThat(round.decision().answer()).isEqualTo(Decision.APPROVED.name());
            assertThat(round.decision().byName()).isEqualTo(school.head().fullName());
            assertThat(round.response().answer()).isEqualTo("DISAGREED");
            assertThat(round.response().reason()).isEqualTo(OBJECTIVES_DISAGREEMENT);
            assertThat(round.response().byName()).isEqualTo(school.teacher().fullName());
            assertThat(round.headAnswer().answer()).isEqualTo("OBJECTIVES_STAND");
            assertThat(round.headAnswer().reason()).isEqualTo(OBJECTIVES_ANSWER);
            assertThat(round.headAnswer().byName()).isEqualTo(school.head().fullName());
            assertThat(round.headAnswer().at()).isNotNull();
        });
        assertThat(record.selfReview()).satisfies(self -> {
            assertThat(self.overall()).isEqualTo(SELF_REVIEW_OVERALL);
            assertThat(self.byName()).isEqualTo(school.teacher().fullName());
            assertThat(self.at()).isNotNull();
            assertThat(self.objectives()).extracting(ReviewRecord.Achievement::title)
                    .containsExactly(OBJECTIVE, SECOND_OBJECTIVE);
            assertThat(self.objectives().get(0).achieved()).isEqualTo("Met the success criteria of objective 1");
            assertThat(self.objectives().get(0).evidence()).isEqualTo("Pupils' work for objective 1");
        });
        assertThat(record.midYear().progress()).hasSize(2);
        assertThat(record.observations()).hasSize(2).allSatisfy(o -> {
            assertThat(o.observerName()).isEqualTo(school.leader().fullName());
            assertThat(o.focus()).containsExactly(OBJECTIVE);
        });
        var last = record.finalRound();
        assertThat(last.outcomes()).extracting(ReviewRecord.RecordOutcome::outcome).containsOnly(Outcome.MET);
        assertThat(last.outcomes()).extracting(ReviewRecord.RecordOutcome::evidence).containsOnly(EVIDENCE);
        assertThat(last.text().payRecommendation()).isEqualTo(PayRecommendation.PROGRESS);
        assertThat(last.text().payReason()).isEqualTo(PAY_REASON);
        assertThat(last.revieweeSignOff().note()).isEqualTo(COMMENTS);
        assertThat(last.revieweeSignOff().answer()).isEqualTo("SIGNED_DISAGREEING");
        assertThat(last.revieweeSignOff().reason()).isEqualTo(FINAL_REVIEW_DISAGREEMENT);
        assertThat(last.headAnswer().reason()).isEqualTo(FINAL_REVIEW_ANSWER);
        assertThat(last.headAnswer().byName()).isEqualTo(school.head().fullName());
        assertThat(last.headAnswer().at()).isBeforeOrEqualTo(last.headDecision().at());
        assertThat(record.disputes()).extracting(ReviewRecord.Dispute::about)
                .containsExactly("The objectives", "The final review");
        assertThat(last.headDecision().note()).isEqualTo(MODERATION);
        assertThat(last.headDecision().byName()).isEqualTo(school.head().fullName());

        loggedInAs(admin);
        assertThat(records.readRecord(review.id(), RecordRead.What.PAGE).record().finalRound().text().payReason())
                .isNull();
        loggedInAs(school.head());
        records.setPayReader(admin.id(), true);
        assertThat(records.payReaders().named()).containsExactly(admin.id());
        loggedInAs(admin);
        assertThat(records.readRecord(review.id(), RecordRead.What.PAGE).record().finalRound().text().payReason())
                .isEqualTo(PAY_REASON);
        loggedInAs(school.head());
        records.setPayReader(admin.id(), false);
        assertThat(records.payReaders().named()).isEmpty();

        loggedInAs(school.teacher());
        var own = records.readRecord(review.id(), RecordRead.What.PAGE);
        assertThat(own.reads()).hasSize(3);
        assertThat(own.reads().get(own.reads().size() - 1)).satisfies(first -> {
            assertThat(first.readerName()).isEqualTo(school.head().fullName());
            assertThat(first.readerRole()).isEqualTo(RecordAccess.Grant.HEAD_OF_SCHOOL);
            assertThat(first.what()).isEqualTo(RecordRead.What.PDF);
            assertThat(first.readAt()).isNotNull();
        });
        assertThat(own.reads()).extracting(RecordRead::readerRole).containsOnly(RecordAccess.Grant.HEAD_OF_SCHOOL,
                RecordAccess.Grant.ADMIN_OF_SCHOOL);
        assertThat(records.subjectAccess().reads()).hasSize(3);
        assertThat(records.subjectAccess().reviews()).singleElement()
                .satisfies(r -> assertThat(r.finalRound().text().payReason()).isEqualTo(PAY_REASON));

        loggedInAs(school.head());
        List<Long> ids = records.cycleToReport(school.cycle().id()).reviewIds();
        assertThat(ids).contains(review.id()).doesNotHaveDuplicates();
    }

    private static void loggedInAs(StaffMember person) {
        SecurityContextHolder.getContext().setAuthentication(
                new TestingAuthenticationToken(person.username(), "demo", "staff"));
    }
}
