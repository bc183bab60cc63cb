package dev.centaur.qc.grpc;

import static dev.centaur.qc.grpc.QcFixtures.LABELS;
import static dev.centaur.qc.grpc.QcFixtures.assertFails;
import static dev.centaur.qc.grpc.QcFixtures.newProjectId;
import static dev.centaur.qc.grpc.QcFixtures.offer;
import static dev.centaur.qc.grpc.QcFixtures.pair;
import static dev.centaur.qc.grpc.QcFixtures.single;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.centaur.common.v1.LabelSource;
import dev.centaur.qc.v1.NextReviewRequest;
import dev.centaur.qc.v1.OfferedLabel;
import dev.centaur.qc.v1.QcServiceGrpc.QcServiceBlockingStub;
import dev.centaur.qc.v1.Review;
import dev.centaur.qc.v1.SubmitReviewRequest;
import io.grpc.Status;
import io.quarkus.grpc.GrpcClient;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ReviewGrpcTest {

    private static final Duration DEFAULT_LEASE = Duration.ofMinutes(10);

    @GrpcClient("qc")
    QcServiceBlockingStub qc;

    @Inject
    QcRows rows;

    @Test
    void nextReviewShowsContentAndLabelsButNotTheFinalLabel() {
        String project = newProjectId();
        qc.offer(offer(project, 1.0, List.of(pair("pair-1", "negative", LabelSource.LABEL_SOURCE_CROWD))));
        long before = System.currentTimeMillis();

        Review review = next("expert-a", project).orElseThrow();

        assertEquals(project, review.getProjectId());
        assertEquals("pair-1", review.getItemId());
        assertEquals("a of pair-1", review.getContent().getTextA());
        assertEquals("b of pair-1", review.getContent().getTextB());
        assertEquals("", review.getContent().getText());
        assertEquals(LABELS, review.getLabelsList());
        long expectedExpiry = before + DEFAULT_LEASE.toMillis();
        assertTrue(Math.abs(review.getLeaseExpiresAtEpochMs() - expectedExpiry) < 60_000,
                "lease expires at " + review.getLeaseExpiresAtEpochMs() + ", expected about " + expectedExpiry);
        // The review message has no field for the final label or its source; nor may any other field leak it.
        assertFalse(review.toString().contains("CROWD"));
    }

    @Test
    void nextReviewLeasesTheOldestOpenReviewFirst() {
        String project = newProjectId();
        qc.offer(offer(project, 1.0, List.of(
                single("first", "positive", LabelSource.LABEL_SOURCE_MODEL),
                single("second", "positive", LabelSource.LABEL_SOURCE_MODEL))));
        qc.offer(offer(project, 1.0, List.of(single("third", "positive", LabelSource.LABEL_SOURCE_MODEL))));

        assertEquals("first", next("expert-1", project).orElseThrow().getItemId());
        assertEquals("second", next("expert-2", project).orElseThrow().getItemId());
        assertEquals("third", next("expert-3", project).orElseThrow().getItemId());
        assertTrue(next("expert-4", project).isEmpty());
    }

    @Test
    void expertWhoAlreadyHoldsAReviewGetsTheSameOneAgain() {
        String project = newProjectId();
        qc.offer(offer(project, 1.0, List.of(
                single("i1", "positive", LabelSource.LABEL_SOURCE_MODEL),
                single("i2", "positive", LabelSource.LABEL_SOURCE_MODEL))));

        Review held = next("expert-a", project).orElseThrow();
        Review again = next("expert-a", project).orElseThrow();
        Review other = next("expert-b", project).orElseThrow();

        assertEquals(held, again);
        assertNotEquals(held.getReviewId(), other.getReviewId());
    }

    @Test
    void nextReviewWithoutProjectLeasesAnOpenReviewOfAnyProject() {
        String project = newProjectId();
        qc.offer(offer(project, 1.0, List.of(single("i1", "positive", LabelSource.LABEL_SOURCE_MODEL))));
        String expert = "expert-" + UUID.randomUUID();

        Review review = qc.nextReview(NextReviewRequest.newBuilder().setExpertId(expert).build()).getReview();

        assertFalse(review.getReviewId().isEmpty());
        assertEquals(review, qc.nextReview(NextReviewRequest.newBuilder().setExpertId(expert).build()).getReview());
        assertEquals(List.of(expert), rows.strings("SELECT expert_id FROM qc.review WHERE review_id = ?::uuid",
                review.getReviewId()));
    }

    @Test
    void nextReviewIsEmptyWhenNothingIsOpen() {
        String project = newProjectId();
        qc.offer(offer(project, 0.0, List.of(single("i1", "positive", LabelSource.LABEL_SOURCE_MODEL))));

        assertTrue(next("expert-a", project).isEmpty());
    }

    @Test
    void expiredLeaseReturnsTheReviewToThePool() {
        String project = newProjectId();
        qc.offer(offer(project, 1.0, List.of(single("i1", "positive", LabelSource.LABEL_SOURCE_MODEL))));
        Review leased = next("expert-a", project).orElseThrow();
        assertTrue(next("expert-b", project).isEmpty());

        rows.expireLease(leased.getReviewId());
        Review retaken = next("expert-b", project).orElseThrow();

        assertEquals(leased.getReviewId(), retaken.getReviewId());
        assertTrue(retaken.getLeaseExpiresAtEpochMs() > System.currentTimeMillis());
        assertFails(Status.Code.FAILED_PRECONDITION, "is leased to another expert, not to expert_id 'expert-a'",
                () -> submit("expert-a", leased.getReviewId(), "positive"));
    }

    @Test
    void answerAfterTheLeaseExpiredIsRefused() {
        String project = newProjectId();
        qc.offer(offer(project, 1.0, List.of(single("i1", "positive", LabelSource.LABEL_SOURCE_MODEL))));
        Review leased = next("expert-a", project).orElseThrow();
        rows.expireLease(leased.getReviewId());
        QcRows.Counts before = rows.counts();

        assertFails(Status.Code.FAILED_PRECONDITION, "the lease of review_id '" + leased.getReviewId() + "'",
                () -> submit("expert-a", leased.getReviewId(), "positive"));

        assertEquals(before, rows.counts());
    }

    @Test
    void nextReviewForUnknownProjectIsNotFound() {
        String project = newProjectId();
        assertFails(Status.Code.NOT_FOUND, "project_id '" + project + "' not found", () -> next("expert-a", project));
    }

    @Test
    void nextReviewWithBadExpertOrProjectIdIsRefusedAndLeasesNothing() {
        String project = newProjectId();
        qc.offer(offer(project, 1.0, List.of(single("i1", "positive", LabelSource.LABEL_SOURCE_MODEL))));
        QcRows.Counts before = rows.counts();

        assertFails(Status.Code.INVALID_ARGUMENT, "expert_id '' is empty", () -> next("", project));
        assertFails(Status.Code.INVALID_ARGUMENT, "expert_id '  ' is empty", () -> next("  ", project));
        assertFails(Status.Code.INVALID_ARGUMENT, "expert_id '" + "e".repeat(80),
                () -> next("e".repeat(129), project));
        assertFails(Status.Code.INVALID_ARGUMENT, "project_id 'Not A Project'", () -> next("expert-a", "Not A Project"));

        assertEquals(before, rows.counts());
    }

    @Test
    void answerIsStoredWithWhetherTheFinalLabelWasCorrect() {
        String project = newProjectId();
        qc.offer(offer(project, 1.0, List.of(
                single("right", "positive", LabelSource.LABEL_SOURCE_MODEL),
                single("wrong", "positive", LabelSource.LABEL_SOURCE_MODEL))));

        Review first = next("expert-a", project).orElseThrow();
        assertTrue(submit("expert-a", first.getReviewId(), "positive"));
        Review second = next("expert-a", project).orElseThrow();
        assertFalse(submit("expert-a", second.getReviewId(), "neutral"));

        assertEquals(List.of("right|positive|true", "wrong|neutral|false"), rows.strings("""
                SELECT o.item_id || '|' || r.expert_label || '|' || r.final_label_correct
                FROM qc.review r JOIN qc.offered_label o ON o.id = r.offered_label_id
                WHERE r.project_id = ? ORDER BY o.item_id""", project));
    }

    @Test
    void sameReviewAnsweredTwiceIsRefusedAndKeepsTheFirstAnswer() {
        String project = newProjectId();
        qc.offer(offer(project, 1.0, List.of(single("i1", "positive", LabelSource.LABEL_SOURCE_MODEL))));
        Review review = next("expert-a", project).orElseThrow();
        submit("expert-a", review.getReviewId(), "positive");

        assertFails(Status.Code.FAILED_PRECONDITION, "review_id '" + review.getReviewId() + "' was already answered",
                () -> submit("expert-a", review.getReviewId(), "negative"));

        assertEquals(List.of("positive"), rows.strings(
                "SELECT expert_label FROM qc.review WHERE review_id = ?::uuid", review.getReviewId()));
    }

    @Test
    void answerToAReviewHeldByAnotherExpertIsRefused() {
        String project = newProjectId();
        qc.offer(offer(project, 1.0, List.of(single("i1", "positive", LabelSource.LABEL_SOURCE_MODEL))));
        Review held = next("expert-a", project).orElseThrow();
        QcRows.Counts before = rows.counts();

        assertFails(Status.Code.FAILED_PRECONDITION, "is leased to another expert, not to expert_id 'expert-b'",
                () -> submit("expert-b", held.getReviewId(), "positive"));

        assertEquals(before, rows.counts());
        assertTrue(submit("expert-a", held.getReviewId(), "positive"));
    }

    @Test
    void answerToAReviewNobodyLeasedIsRefused() {
        String project = newProjectId();
        qc.offer(offer(project, 1.0, List.of(single("i1", "positive", LabelSource.LABEL_SOURCE_MODEL))));
        String reviewId = rows.strings("SELECT review_id FROM qc.review WHERE project_id = ?", project).get(0);

        assertFails(Status.Code.FAILED_PRECONDITION, "is not leased to expert_id 'expert-a'",
                () -> submit("expert-a", reviewId, "positive"));
    }

    @Test
    void answerWithALabelOutsideTheProjectSetIsRefused() {
        String project = newProjectId();
        qc.offer(offer(project, 1.0, List.of(single("i1", "positive", LabelSource.LABEL_SOURCE_MODEL))));
        Review held = next("expert-a", project).orElseThrow();
        QcRows.Counts before = rows.counts();

        assertFails(Status.Code.INVALID_ARGUMENT, "label 'maybe' is not one of project '" + project + "'",
                () -> submit("expert-a", held.getReviewId(), "maybe"));

        assertEquals(before, rows.counts());
        assertTrue(submit("expert-a", held.getReviewId(), "positive"));
    }

    @Test
    void answerMayUseALabelAddedByALaterOffer() {
        String project = newProjectId();
        qc.offer(offer(project, 1.0, List.of(single("i1", "positive", LabelSource.LABEL_SOURCE_MODEL))));
        qc.offer(offer(project, 0.0, List.of(single("i2", "positive", LabelSource.LABEL_SOURCE_MODEL)))
                .toBuilder().addLabels("mixed").build());
        Review held = next("expert-a", project).orElseThrow();

        assertEquals(List.of("positive", "negative", "neutral", "mixed"), held.getLabelsList());
        assertFalse(submit("expert-a", held.getReviewId(), "mixed"));
    }

    @Test
    void answerToAnUnknownReviewIsNotFound() {
        String project = newProjectId();
        // Not sampled at rate 0: no review exists for the item, so no id can name one.
        qc.offer(offer(project, 0.0, List.of(single("i1", "positive", LabelSource.LABEL_SOURCE_MODEL))));
        assertEquals(0, rows.number("SELECT COUNT(*) FROM qc.review WHERE project_id = ?", project));
        String unknown = UUID.randomUUID().toString();
        QcRows.Counts before = rows.counts();

        assertFails(Status.Code.NOT_FOUND, "review_id '" + unknown + "' not found",
                () -> submit("expert-a", unknown, "positive"));
        assertFails(Status.Code.NOT_FOUND, "review_id 'i1' not found", () -> submit("expert-a", "i1", "positive"));

        assertEquals(before, rows.counts());
    }

    @Test
    void answerWithMissingFieldsIsRefused() {
        String reviewId = UUID.randomUUID().toString();
        assertFails(Status.Code.INVALID_ARGUMENT, "expert_id '' is empty", () -> submit("", reviewId, "positive"));
        assertFails(Status.Code.INVALID_ARGUMENT, "expert_id '" + "e".repeat(80),
                () -> submit("e".repeat(129), reviewId, "positive"));
        assertFails(Status.Code.INVALID_ARGUMENT, "review_id is empty", () -> submit("expert-a", "", "positive"));
        assertFails(Status.Code.INVALID_ARGUMENT, "label is empty", () -> submit("expert-a", reviewId, ""));
    }

    @Test
    void concurrentExpertsNeverGetTheSameReview() throws Exception {
        String project = newProjectId();
        int reviewCount = 60;
        List<OfferedLabel> labels = IntStream.range(0, reviewCount)
                .mapToObj(i -> single("item-" + i, "positive", LabelSource.LABEL_SOURCE_MODEL)).toList();
        qc.offer(offer(project, 1.0, labels));
        int experts = 6;
        ExecutorService pool = Executors.newFixedThreadPool(experts);
        try {
            List<Future<List<String>>> results = new ArrayList<>();
            for (int e = 0; e < experts; e++) {
                String expert = "expert-" + e;
                results.add(pool.submit(() -> reviewUntilEmpty(expert, project)));
            }
            List<String> all = new ArrayList<>();
            for (Future<List<String>> result : results) {
                all.addAll(result.get(2, TimeUnit.MINUTES));
            }
            Set<String> distinct = new HashSet<>(all);
            assertEquals(all.size(), distinct.size(), "a review was handed to two experts");
            assertEquals(reviewCount, distinct.size());
            assertEquals(reviewCount, rows.number(
                    "SELECT COUNT(*) FROM qc.review WHERE project_id = ? AND answered_at IS NOT NULL", project));
        } finally {
            pool.shutdownNow();
        }
    }

    /** One expert's loop: take the next review, answer it, until none is left. */
    private List<String> reviewUntilEmpty(String expert, String project) {
        List<String> answered = new ArrayList<>();
        for (Optional<Review> review = next(expert, project); review.isPresent(); review = next(expert, project)) {
            submit(expert, review.get().getReviewId(), "positive");
            answered.add(review.get().getReviewId());
        }
        return answered;
    }

    private Optional<Review> next(String expertId, String projectId) {
        var response = qc.nextReview(NextReviewRequest.newBuilder()
                .setExpertId(expertId).setProjectId(projectId).build());
        return response.hasReview() ? Optional.of(response.getReview()) : Optional.empty();
    }

    private boolean submit(String expertId, String reviewId, String label) {
        return qc.submitReview(SubmitReviewRequest.newBuilder()
                .setExpertId(expertId).setReviewId(reviewId).setLabel(label).build()).getFinalLabelCorrect();
    }
}
