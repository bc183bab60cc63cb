package dev.centaur.qc.grpc;

import static dev.centaur.qc.grpc.QcFixtures.assertFails;
import static dev.centaur.qc.grpc.QcFixtures.metric;
import static dev.centaur.qc.grpc.QcFixtures.scrape;
import static dev.centaur.qc.grpc.QcFixtures.newProjectId;
import static dev.centaur.qc.grpc.QcFixtures.offer;
import static dev.centaur.qc.grpc.QcFixtures.single;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.centaur.common.v1.LabelSource;
import dev.centaur.qc.service.AccuracyService;
import dev.centaur.qc.v1.GetAccuracyRequest;
import dev.centaur.qc.v1.GetAccuracyResponse;
import dev.centaur.qc.v1.NextReviewRequest;
import dev.centaur.qc.v1.NextReviewResponse;
import dev.centaur.qc.v1.OfferedLabel;
import dev.centaur.qc.v1.QcServiceGrpc.QcServiceBlockingStub;
import dev.centaur.qc.v1.SourceAccuracy;
import dev.centaur.qc.v1.SubmitReviewRequest;
import io.grpc.Status;
import io.quarkus.grpc.GrpcClient;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

@QuarkusTest
class AccuracyGrpcTest {

    private static final double BOUND_TOLERANCE = 5e-5;

    @GrpcClient("qc")
    QcServiceBlockingStub qc;

    @Inject
    QcRows rows;

    @Inject
    AccuracyService accuracyService;

    @Test
    void accuracyPerSourceWithWilsonIntervalsAfterEveryLabelIsReviewed() {
        String project = newProjectId();
        Set<String> wrong = Set.of("model-8", "model-9", "hybrid-0", "hybrid-1", "hybrid-2", "hybrid-3");
        offerAndReviewAll(project, Map.of(
                LabelSource.LABEL_SOURCE_MODEL, 10, LabelSource.LABEL_SOURCE_CROWD, 5,
                LabelSource.LABEL_SOURCE_HYBRID, 4), wrong);

        GetAccuracyResponse report = accuracy(project);

        assertEquals(project, report.getProjectId());
        assertEquals(19, report.getOffered());
        assertEquals(19, report.getSampled());
        assertEquals(19, report.getReviewed());
        assertEquals(3, report.getSourcesCount());
        // 8 of 10: the hand-computed Wilson interval [0.4902, 0.9433].
        assertSource(report.getSources(0), LabelSource.LABEL_SOURCE_MODEL, 10, 8, 0.8, 0.4902, 0.9433);
        // 5 of 5: [n / (n + z^2), 1].
        assertSource(report.getSources(1), LabelSource.LABEL_SOURCE_CROWD, 5, 5, 1.0, 0.5655, 1.0);
        // 0 of 4: [0, z^2 / (n + z^2)].
        assertSource(report.getSources(2), LabelSource.LABEL_SOURCE_HYBRID, 4, 0, 0.0, 0.0, 0.4899);
        // 13 of 19 overall.
        assertSource(report.getOverall(), LabelSource.LABEL_SOURCE_UNSPECIFIED, 19, 13, 13 / 19.0, 0.4601, 0.8464);
        assertEquals(10, report.getSources(0).getOffered());
    }

    @Test
    void accuracyCountsOnlyAnsweredReviewsAndShowsSourcesWithReviews() {
        String project = newProjectId();
        qc.offer(offer(project, 1.0, List.of(
                single("m1", "positive", LabelSource.LABEL_SOURCE_MODEL),
                single("m2", "positive", LabelSource.LABEL_SOURCE_MODEL),
                single("c1", "positive", LabelSource.LABEL_SOURCE_CROWD))));
        qc.offer(offer(project, 0.0, List.of(single("e1", "positive", LabelSource.LABEL_SOURCE_EXPERT))));
        String reviewId = nextReview("expert-a", project).getReview().getReviewId();
        qc.submitReview(SubmitReviewRequest.newBuilder().setExpertId("expert-a").setReviewId(reviewId)
                .setLabel("positive").build());

        GetAccuracyResponse report = accuracy(project);

        assertEquals(4, report.getOffered());
        assertEquals(3, report.getSampled());
        assertEquals(1, report.getReviewed());
        assertEquals(1, report.getSourcesCount());
        assertSource(report.getSources(0), LabelSource.LABEL_SOURCE_MODEL, 1, 1, 1.0, 0.2065, 1.0);
        assertEquals(2, report.getSources(0).getOffered());
    }

    @Test
    void accuracyBeforeAnyReviewHasNoSourcesAndTheUninformativeInterval() {
        String project = newProjectId();
        qc.offer(offer(project, 1.0, List.of(single("m1", "positive", LabelSource.LABEL_SOURCE_MODEL))));

        GetAccuracyResponse report = accuracy(project);

        assertEquals(0, report.getSourcesCount());
        assertEquals(1, report.getSampled());
        assertEquals(0, report.getReviewed());
        assertSource(report.getOverall(), LabelSource.LABEL_SOURCE_UNSPECIFIED, 0, 0, 0.0, 0.0, 1.0);
    }

    @Test
    void accuracyOfAnUnknownProjectIsNotFound() {
        String project = newProjectId();
        assertFails(Status.Code.NOT_FOUND, "project_id '" + project + "' not found", () -> accuracy(project));
        assertFails(Status.Code.INVALID_ARGUMENT, "project_id 'UPPER'", () -> accuracy("UPPER"));
        assertFails(Status.Code.INVALID_ARGUMENT, "project_id ''", () -> accuracy(""));
    }

    @Test
    void metricsShowAccuracyGaugesAndLabelCountersAfterAReview() {
        String project = newProjectId();
        offerAndReviewAll(project, Map.of(LabelSource.LABEL_SOURCE_MODEL, 10), Set.of("model-8", "model-9"));
        qc.offer(offer(project, 0.0, List.of(single("crowd-x", "positive", LabelSource.LABEL_SOURCE_CROWD))));

        String metrics = scrape();

        String model = "{project=\"" + project + "\",source=\"model\"}";
        String overall = "{project=\"" + project + "\",source=\"overall\"}";
        assertEquals(0.8, metric(metrics, "centaur_qc_accuracy" + model), 1e-9);
        assertEquals(0.4902, metric(metrics, "centaur_qc_accuracy_lower" + model), BOUND_TOLERANCE);
        assertEquals(0.9433, metric(metrics, "centaur_qc_accuracy_upper" + model), BOUND_TOLERANCE);
        assertEquals(10, metric(metrics, "centaur_qc_reviews" + model));
        assertEquals(0.8, metric(metrics, "centaur_qc_accuracy" + overall), 1e-9);
        assertEquals(10, metric(metrics, "centaur_qc_labels_offered_total" + model));
        assertEquals(10, metric(metrics, "centaur_qc_labels_sampled_total" + model));
        assertEquals(1, metric(metrics, "centaur_qc_labels_offered_total{project=\"" + project
                + "\",source=\"crowd\"}"));
    }

    @Test
    void gaugesAreRebuiltFromTheDatabase() {
        String project = newProjectId();
        offerAndReviewAll(project, Map.of(LabelSource.LABEL_SOURCE_CROWD, 4), Set.of());
        String crowd = "centaur_qc_accuracy{project=\"" + project + "\",source=\"crowd\"}";
        assertEquals(1.0, metric(scrape(), crowd), 1e-9);
        // Another replica's view of the data: change the answers behind this instance's back.
        rows.update("UPDATE qc.offered_label SET verdict_correct = false WHERE project_id = ?", project);

        accuracyService.publishAll();

        assertEquals(0.0, metric(scrape(), crowd), 1e-9);
    }

    @Test
    void readinessReportsTheDatabaseUp() {
        given().when().get("/q/health/ready").then().statusCode(200)
                .body(containsString("\"status\": \"UP\""))
                .body(containsString("Database connections health check"));
        given().when().get("/q/health/live").then().statusCode(200);
    }

    /** Offers {@code countBySource} labels at rate 1 and reviews them all, disagreeing on the {@code wrong} items. */
    private void offerAndReviewAll(String project, Map<LabelSource, Integer> countBySource, Set<String> wrong) {
        List<OfferedLabel> labels = new ArrayList<>();
        countBySource.forEach((source, count) -> {
            String prefix = source.name().substring("LABEL_SOURCE_".length()).toLowerCase();
            for (int i = 0; i < count; i++) {
                labels.add(single(prefix + "-" + i, "positive", source));
            }
        });
        assertEquals(labels.size(), qc.offer(offer(project, 1.0, labels)).getSampled());
        Map<String, Boolean> answers = new HashMap<>();
        for (NextReviewResponse next = nextReview("expert-x", project); next.hasReview();
                next = nextReview("expert-x", project)) {
            String itemId = next.getReview().getItemId();
            boolean agree = !wrong.contains(itemId);
            boolean correct = qc.submitReview(SubmitReviewRequest.newBuilder().setExpertId("expert-x")
                    .setReviewId(next.getReview().getReviewId()).setLabel(agree ? "positive" : "negative")
                    .build()).getFinalLabelCorrect();
            assertEquals(agree, correct, itemId);
            answers.put(itemId, correct);
        }
        assertEquals(labels.size(), answers.size());
    }

    private NextReviewResponse nextReview(String expertId, String project) {
        return qc.nextReview(NextReviewRequest.newBuilder().setExpertId(expertId).setProjectId(project).build());
    }

    private GetAccuracyResponse accuracy(String project) {
        return qc.getAccuracy(GetAccuracyRequest.newBuilder().setProjectId(project).build());
    }

    private static void assertSource(SourceAccuracy row, LabelSource source, long reviews, long correct,
            double accuracy, double lower, double upper) {
        assertEquals(source, row.getSource());
        assertEquals(reviews, row.getReviews());
        assertEquals(correct, row.getCorrect());
        assertEquals(accuracy, row.getAccuracy(), 1e-9);
        assertEquals(lower, row.getLower(), BOUND_TOLERANCE);
        assertEquals(upper, row.getUpper(), BOUND_TOLERANCE);
    }


}
