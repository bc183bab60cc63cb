package dev.centaur.qc.grpc;

import static dev.centaur.qc.grpc.QcFixtures.answer;
import static dev.centaur.qc.grpc.QcFixtures.assertFails;
import static dev.centaur.qc.grpc.QcFixtures.newProjectId;
import static dev.centaur.qc.grpc.QcFixtures.nextReview;
import static dev.centaur.qc.grpc.QcFixtures.offer;
import static dev.centaur.qc.grpc.QcFixtures.single;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.centaur.common.v1.LabelSource;
import dev.centaur.qc.v1.OfferRequest;
import dev.centaur.qc.v1.OfferedLabel;
import dev.centaur.qc.v1.QcServiceGrpc.QcServiceBlockingStub;
import dev.centaur.qc.v1.Review;
import dev.centaur.router.v1.RaiseThresholdRequest;
import io.grpc.Status;
import io.quarkus.grpc.GrpcClient;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The feedback loop (test settings: at least 10 decided MODEL reviews, 5 more between two requests,
 * a step of 0.05): qc asks the in-test router to raise the threshold when the model's upper bound is
 * under the project's target.
 */
@QuarkusTest
@WithTestResource(value = FakeRouter.class, scope = TestResourceScope.GLOBAL)
class ThresholdFeedbackGrpcTest {

    private static final long WAIT_MS = 10_000;

    @GrpcClient("qc")
    QcServiceBlockingStub qc;

    @Inject
    QcRows rows;

    @Test
    void modelUnderTargetAsksRouterOnceWithEvidenceAndAgainOnlyAfterNewReviews() {
        String project = newProjectId();
        qc.offer(feedbackOffer(project, 0.95, 0.7, labels("m", 20, LabelSource.LABEL_SOURCE_MODEL)));

        reviewWrong(project, 12);
        RaiseThresholdRequest first = awaitCalls(project, 1).get(0);
        assertEquals(0.75, first.getMinThreshold(), 1e-9);
        assertTrue(first.getEvidence().contains("0 of 10 correct"), first.getEvidence());
        assertTrue(first.getEvidence().contains("target accuracy 0.9500"), first.getEvidence());
        assertTrue(first.getEvidence().contains("[0.0000, 0.2775]"), first.getEvidence());
        assertTrue(first.getEvidence().contains("from 0.7000 to 0.7500"), first.getEvidence());
        awaitSent(project, 1);
        // Reviews 11 and 12 are not new evidence enough: still one request (the outbox is its only way out).
        assertEquals(1, FakeRouter.callsFor(project).size());
        assertEquals(1, rows.number("SELECT COUNT(*) FROM qc.threshold_raise WHERE project_id = ?", project));

        reviewWrong(project, 3);
        RaiseThresholdRequest second = awaitCalls(project, 2).get(1);
        // Builds on the first request even before router's next Offer tells qc the new threshold.
        assertEquals(0.80, second.getMinThreshold(), 1e-9);
        assertTrue(second.getEvidence().contains("0 of 15 correct"), second.getEvidence());
        awaitSent(project, 2);
        assertEquals("t", rows.strings("SELECT bool_and(raised) FROM qc.threshold_raise WHERE project_id = ?",
                project).get(0));
        // Every call to router carries the services' token (%test.centaur.auth.service-token).
        List<String> sent = FakeRouter.authorizations("centaur.router.v1.ProjectService/RaiseThreshold");
        assertFalse(sent.isEmpty());
        assertEquals(List.of("Bearer qc-test-service-token"), sent.stream().distinct().toList());
    }

    @Test
    void noRequestWithoutTargetWhenTheTargetIsWithinReachOrBelowTheMinimumReviews() {
        String noTarget = newProjectId();
        qc.offer(feedbackOffer(noTarget, 0, 0.7, labels("m", 12, LabelSource.LABEL_SOURCE_MODEL)));
        reviewWrong(noTarget, 12);
        String reachable = newProjectId();
        // 10 of 12 correct: the upper bound (about 0.95) is above a target of 0.9.
        qc.offer(feedbackOffer(reachable, 0.9, 0.7, labels("m", 12, LabelSource.LABEL_SOURCE_MODEL)));
        review(reachable, 12, index -> index < 10 ? "positive" : "negative");
        String tooFew = newProjectId();
        qc.offer(feedbackOffer(tooFew, 0.95, 0.7, labels("m", 9, LabelSource.LABEL_SOURCE_MODEL)));
        reviewWrong(tooFew, 9);
        String crowdOnly = newProjectId();
        qc.offer(feedbackOffer(crowdOnly, 0.95, 0.7, labels("c", 12, LabelSource.LABEL_SOURCE_CROWD)));
        reviewWrong(crowdOnly, 12);
        String atTheTop = newProjectId();
        qc.offer(feedbackOffer(atTheTop, 0.95, 1.0, labels("m", 12, LabelSource.LABEL_SOURCE_MODEL)));
        reviewWrong(atTheTop, 12);

        // Requests are written with the verdict that calls for them: no row means no call, ever.
        for (String project : List.of(noTarget, reachable, tooFew, crowdOnly, atTheTop)) {
            assertEquals(0, rows.number("SELECT COUNT(*) FROM qc.threshold_raise WHERE project_id = ?", project),
                    project);
            assertEquals(List.of(), FakeRouter.callsFor(project), project);
        }
    }

    @Test
    void requestIsRetriedWhileRouterIsUnavailableUntilRouterAcknowledges() {
        String project = newProjectId();
        // More failures than one run's attempts (3): the first run leaves the row for a later run.
        FakeRouter.failFor(project, Status.UNAVAILABLE, 4);
        qc.offer(feedbackOffer(project, 0.95, 0.6, labels("m", 10, LabelSource.LABEL_SOURCE_MODEL)));
        reviewWrong(project, 10);

        awaitSent(project, 1);
        assertEquals(1, FakeRouter.callsFor(project).size());
        assertEquals(0.65, FakeRouter.callsFor(project).get(0).getMinThreshold(), 1e-9);
        assertTrue(rows.number("SELECT attempts FROM qc.threshold_raise WHERE project_id = ?", project) >= 2);
        assertEquals(List.of("null"), List.of(String.valueOf(rows.strings(
                "SELECT last_error FROM qc.threshold_raise WHERE project_id = ?", project).get(0))));
    }

    @Test
    void refusedRequestIsNotRetriedWithinARunButWaitsTheBackoffWithTheError() {
        String project = newProjectId();
        FakeRouter.failFor(project, Status.NOT_FOUND, 1);
        qc.offer(feedbackOffer(project, 0.95, 0.6, labels("m", 10, LabelSource.LABEL_SOURCE_MODEL)));
        reviewWrong(project, 10);

        String errors = "SELECT COUNT(*) FROM qc.threshold_raise WHERE project_id = ? AND last_error LIKE '%NOT_FOUND%'";
        long deadline = System.currentTimeMillis() + WAIT_MS;
        while (rows.number(errors, project) == 0 && FakeRouter.callsFor(project).isEmpty()
                && System.currentTimeMillis() < deadline) {
            sleep(20);
        }
        // NOT_FOUND is not worth an immediate retry: one failed call, then the row waits for a later run.
        assertEquals(1, FakeRouter.failedCalls(project));
        awaitSent(project, 1);
        assertEquals(1, FakeRouter.callsFor(project).size());
        assertEquals(2, rows.number("SELECT attempts FROM qc.threshold_raise WHERE project_id = ?", project));
    }

    @Test
    void offerStoresTheTargetAndThresholdAndALaterOfferUpdatesThem() {
        String project = newProjectId();
        qc.offer(feedbackOffer(project, 0.9, 0.6, labels("a", 1, LabelSource.LABEL_SOURCE_MODEL)));
        assertEquals(List.of("0.9", "0.6"), settings(project));
        qc.offer(feedbackOffer(project, 0.95, 0.8, labels("b", 1, LabelSource.LABEL_SOURCE_MODEL)));
        assertEquals(List.of("0.95", "0.8"), settings(project));
    }

    @Test
    void outOfRangeTargetOrThresholdIsRefusedNamingFieldAndValueAndWritesNothing() {
        String project = newProjectId();
        List<OfferedLabel> one = labels("x", 1, LabelSource.LABEL_SOURCE_MODEL);
        QcRows.Counts before = rows.counts();
        assertFails(Status.Code.INVALID_ARGUMENT, "target_accuracy 1.5 is outside [0, 1]",
                () -> qc.offer(feedbackOffer(project, 1.5, 0.5, one)));
        assertFails(Status.Code.INVALID_ARGUMENT, "target_accuracy -0.1 is outside [0, 1]",
                () -> qc.offer(feedbackOffer(project, -0.1, 0.5, one)));
        assertFails(Status.Code.INVALID_ARGUMENT, "target_accuracy NaN is outside [0, 1]",
                () -> qc.offer(feedbackOffer(project, Double.NaN, 0.5, one)));
        assertFails(Status.Code.INVALID_ARGUMENT, "model_threshold 2.0 is outside [0, 1]",
                () -> qc.offer(feedbackOffer(project, 0.9, 2.0, one)));
        assertFails(Status.Code.INVALID_ARGUMENT, "model_threshold -0.5 is outside [0, 1]",
                () -> qc.offer(feedbackOffer(project, 0.9, -0.5, one)));
        assertEquals(0, rows.number("SELECT COUNT(*) FROM qc.project WHERE project_id = ?", project));
        assertEquals(before.offeredLabels(), rows.counts().offeredLabels());
    }

    private static OfferRequest feedbackOffer(String project, double target, double threshold,
            List<OfferedLabel> labels) {
        return offer(project, 1.0, labels).toBuilder().setTargetAccuracy(target).setModelThreshold(threshold).build();
    }

    /** {@code count} labels "positive" from the source, item ids prefix-0, prefix-1, ... */
    private static List<OfferedLabel> labels(String prefix, int count, LabelSource source) {
        return IntStream.range(0, count).mapToObj(i -> single(prefix + "-" + i, "positive", source)).toList();
    }

    private List<String> settings(String project) {
        return List.of(
                rows.strings("SELECT target_accuracy FROM qc.project WHERE project_id = ?", project).get(0),
                rows.strings("SELECT model_threshold FROM qc.project WHERE project_id = ?", project).get(0));
    }

    /** The expert finds the next {@code count} labels wrong ("negative" where they say "positive"). */
    private void reviewWrong(String project, int count) {
        review(project, count, index -> "negative");
    }

    private void review(String project, int count, java.util.function.IntFunction<String> labelFor) {
        for (int i = 0; i < count; i++) {
            Optional<Review> next = nextReview(qc, "expert-fb", project);
            assertTrue(next.isPresent(), "review " + i + " of " + count);
            answer(qc, "expert-fb", next.get().getReviewId(), labelFor.apply(i));
        }
    }

    private static List<RaiseThresholdRequest> awaitCalls(String project, int count) {
        long deadline = System.currentTimeMillis() + WAIT_MS;
        while (FakeRouter.callsFor(project).size() < count && System.currentTimeMillis() < deadline) {
            sleep(50);
        }
        List<RaiseThresholdRequest> calls = FakeRouter.callsFor(project);
        assertEquals(count, calls.size(), "RaiseThreshold calls for " + project);
        return calls;
    }

    private void awaitSent(String project, long count) {
        String sql = "SELECT COUNT(*) FROM qc.threshold_raise WHERE project_id = ? AND sent_at IS NOT NULL";
        long deadline = System.currentTimeMillis() + WAIT_MS;
        while (rows.number(sql, project) < count && System.currentTimeMillis() < deadline) {
            sleep(50);
        }
        assertEquals(count, rows.number(sql, project), "sent requests of " + project);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
