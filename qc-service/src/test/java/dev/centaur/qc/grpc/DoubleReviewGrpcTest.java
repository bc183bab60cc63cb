package dev.centaur.qc.grpc;

import static dev.centaur.qc.grpc.QcFixtures.answer;
import static dev.centaur.qc.grpc.QcFixtures.assertFails;
import static dev.centaur.qc.grpc.QcFixtures.newProjectId;
import static dev.centaur.qc.grpc.QcFixtures.nextReview;
import static dev.centaur.qc.grpc.QcFixtures.offer;
import static dev.centaur.qc.grpc.QcFixtures.single;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.centaur.common.v1.LabelSource;
import dev.centaur.qc.v1.GetAccuracyRequest;
import dev.centaur.qc.v1.GetAccuracyResponse;
import dev.centaur.qc.v1.QcServiceGrpc.QcServiceBlockingStub;
import dev.centaur.qc.v1.Review;
import dev.centaur.qc.v1.ReviewOutcome;
import dev.centaur.qc.v1.SubmitReviewResponse;
import io.grpc.Status;
import io.quarkus.grpc.GrpcClient;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Projects with two reviews per item: different experts, agreement decides, a third breaks a tie. */
@QuarkusTest
class DoubleReviewGrpcTest {

    @GrpcClient("qc")
    QcServiceBlockingStub qc;

    @Inject
    QcRows rows;

    @Test
    void answerRevealsTheFinalLabelAndItsSourceOnlyAfterwards() {
        String project = offerOne(1);
        Review review = nextReview(qc, "expert-a", project).orElseThrow();
        assertFalse(review.toString().contains("CROWD"));

        SubmitReviewResponse response = answer(qc, "expert-a", review.getReviewId(), "negative");

        assertEquals("positive", response.getFinalLabel());
        assertEquals(LabelSource.LABEL_SOURCE_CROWD, response.getFinalLabelSource());
        assertFalse(response.getFinalLabelCorrect());
        assertEquals(ReviewOutcome.REVIEW_OUTCOME_DECIDED, response.getOutcome());
        assertEquals("negative", response.getDecidedLabel());
        assertTrue(response.getCorrected());
    }

    @Test
    void twoExpertsWhoAgreeDecideTheItemOnce() {
        String project = offerOne(2);
        assertEquals(2, rows.number("SELECT COUNT(*) FROM qc.review WHERE project_id = ?", project));

        Review first = nextReview(qc, "expert-a", project).orElseThrow();
        Review second = nextReview(qc, "expert-b", project).orElseThrow();
        assertNotEquals(first.getReviewId(), second.getReviewId());
        assertEquals(first.getItemId(), second.getItemId());

        SubmitReviewResponse a = answer(qc, "expert-a", first.getReviewId(), "positive");
        assertEquals(ReviewOutcome.REVIEW_OUTCOME_AWAITING_SECOND_REVIEW, a.getOutcome());
        assertEquals("", a.getDecidedLabel());
        assertEquals(0, accuracy(project).getReviewed());
        assertEquals(1, accuracy(project).getPending());

        SubmitReviewResponse b = answer(qc, "expert-b", second.getReviewId(), "positive");
        assertEquals(ReviewOutcome.REVIEW_OUTCOME_DECIDED, b.getOutcome());
        assertEquals("positive", b.getDecidedLabel());
        assertFalse(b.getCorrected());

        GetAccuracyResponse report = accuracy(project);
        assertEquals(1, report.getReviewed());
        assertEquals(1, report.getSources(0).getCorrect());
        assertEquals(0, report.getPending());
        assertEquals(0, report.getCorrections());
    }

    @Test
    void theSameExpertIsNeverHandedBothReviewsOfAnItem() {
        String project = offerOne(2);
        Review first = nextReview(qc, "expert-a", project).orElseThrow();
        answer(qc, "expert-a", first.getReviewId(), "positive");

        assertTrue(nextReview(qc, "expert-a", project).isEmpty());
        Review second = nextReview(qc, "expert-b", project).orElseThrow();
        assertEquals(first.getItemId(), second.getItemId());
    }

    @Test
    void theSameExpertCannotAnswerTheSecondReviewOfAnItemTheyReviewed() {
        String project = offerOne(2);
        Review first = nextReview(qc, "expert-a", project).orElseThrow();
        answer(qc, "expert-a", first.getReviewId(), "positive");
        String secondId = rows.strings("SELECT review_id FROM qc.review WHERE project_id = ? AND round = 2", project)
                .get(0);
        // Even holding its lease (as if handed over by hand) the expert may not review the item again.
        rows.update("UPDATE qc.review SET expert_id = 'expert-a', lease_expires_at = now() + interval '1 minute' "
                + "WHERE review_id = ?::uuid", secondId);
        QcRows.Counts before = rows.counts();

        assertFails(Status.Code.FAILED_PRECONDITION, "expert_id 'expert-a' already reviewed item 'item-1'",
                () -> answer(qc, "expert-a", secondId, "positive"));

        assertEquals(before, rows.counts());
        assertEquals(0, accuracy(project).getReviewed());
    }

    @Test
    void disagreementGoesToAThirdExpertWhoseAnswerDecides() {
        String project = offerOne(2);
        Review first = nextReview(qc, "expert-a", project).orElseThrow();
        Review second = nextReview(qc, "expert-b", project).orElseThrow();
        answer(qc, "expert-a", first.getReviewId(), "positive");

        SubmitReviewResponse disagreement = answer(qc, "expert-b", second.getReviewId(), "negative");

        assertEquals(ReviewOutcome.REVIEW_OUTCOME_SENT_TO_THIRD_REVIEW, disagreement.getOutcome());
        assertEquals(0, accuracy(project).getReviewed());
        assertTrue(nextReview(qc, "expert-a", project).isEmpty());
        assertTrue(nextReview(qc, "expert-b", project).isEmpty());
        Review third = nextReview(qc, "expert-c", project).orElseThrow();
        assertEquals("item-1", third.getItemId());

        SubmitReviewResponse decided = answer(qc, "expert-c", third.getReviewId(), "negative");

        assertEquals(ReviewOutcome.REVIEW_OUTCOME_DECIDED, decided.getOutcome());
        assertEquals("negative", decided.getDecidedLabel());
        assertTrue(decided.getCorrected());
        GetAccuracyResponse report = accuracy(project);
        assertEquals(1, report.getReviewed());
        assertEquals(0, report.getSources(0).getCorrect());
        assertEquals(1, report.getCorrections());
        assertEquals(List.of("3"), rows.strings("SELECT reviews FROM qc.correction WHERE project_id = ?", project));
        assertEquals(List.of("1", "2", "3"),
                rows.strings("SELECT round FROM qc.review WHERE project_id = ? ORDER BY round", project));
    }

    @Test
    void reviewsPerItemOutsideOneOrTwoIsRefused() {
        String project = newProjectId();
        QcRows.Counts before = rows.counts();
        assertFails(Status.Code.INVALID_ARGUMENT, "reviews_per_item 3 must be 1 or 2",
                () -> qc.offer(offer(project, 1.0, List.of(single("i", "positive", LabelSource.LABEL_SOURCE_MODEL)))
                        .toBuilder().setReviewsPerItem(3).build()));
        assertFails(Status.Code.INVALID_ARGUMENT, "reviews_per_item -1 must be 1 or 2",
                () -> qc.offer(offer(project, 1.0, List.of(single("i", "positive", LabelSource.LABEL_SOURCE_MODEL)))
                        .toBuilder().setReviewsPerItem(-1).build()));
        assertEquals(before, rows.counts());
    }

    /** A fresh project with one CROWD label "positive", sampled, needing {@code reviews} reviews. */
    private String offerOne(int reviews) {
        String project = newProjectId();
        qc.offer(offer(project, 1.0, List.of(single("item-1", "positive", LabelSource.LABEL_SOURCE_CROWD)))
                .toBuilder().setReviewsPerItem(reviews).build());
        return project;
    }

    private GetAccuracyResponse accuracy(String project) {
        return qc.getAccuracy(GetAccuracyRequest.newBuilder().setProjectId(project).build());
    }
}
