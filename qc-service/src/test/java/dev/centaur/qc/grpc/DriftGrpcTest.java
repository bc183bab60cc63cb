package dev.centaur.qc.grpc;

import static dev.centaur.qc.grpc.QcFixtures.answer;
import static dev.centaur.qc.grpc.QcFixtures.assertFails;
import static dev.centaur.qc.grpc.QcFixtures.metric;
import static dev.centaur.qc.grpc.QcFixtures.scrape;
import static dev.centaur.qc.grpc.QcFixtures.newProjectId;
import static dev.centaur.qc.grpc.QcFixtures.nextReview;
import static dev.centaur.qc.grpc.QcFixtures.offer;
import static dev.centaur.qc.grpc.QcFixtures.single;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.centaur.common.v1.LabelSource;
import dev.centaur.qc.v1.DriftWindow;
import dev.centaur.qc.v1.GetDriftRequest;
import dev.centaur.qc.v1.GetDriftResponse;
import dev.centaur.qc.v1.OfferedLabel;
import dev.centaur.qc.v1.QcServiceGrpc.QcServiceBlockingStub;
import dev.centaur.qc.v1.Review;
import dev.centaur.qc.v1.SourceDrift;
import io.grpc.Status;
import io.quarkus.grpc.GrpcClient;
import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The test profile sets centaur.qc.drift.window-size=10 (alpha 0.01, at most 12 windows). */
@QuarkusTest
class DriftGrpcTest {

    @GrpcClient("qc")
    QcServiceBlockingStub qc;

    @Test
    void latestWindowMuchWorseThanTheOneBeforeRaisesTheAlertAndTheGauge() {
        String project = newProjectId();
        // MODEL: 10 right, then 10 with only 3 right. CROWD: 10 right, 10 right.
        reviewInOrder(project, LabelSource.LABEL_SOURCE_MODEL, concat(repeat(true, 10), first(3, 10)));
        reviewInOrder(project, LabelSource.LABEL_SOURCE_CROWD, repeat(true, 20));

        GetDriftResponse drift = drift(project, 0, LabelSource.LABEL_SOURCE_UNSPECIFIED);

        assertEquals(10, drift.getWindowSize());
        assertEquals(0.01, drift.getAlpha());
        assertEquals(2, drift.getSourcesCount());
        SourceDrift model = drift.getSources(0);
        assertEquals(LabelSource.LABEL_SOURCE_MODEL, model.getSource());
        assertEquals(List.of(10L, 3L), model.getWindowsList().stream().map(DriftWindow::getCorrect).toList());
        DriftWindow latest = model.getWindows(1);
        assertEquals(0.3, latest.getAccuracy(), 1e-12);
        assertEquals(0.1078, latest.getLower(), 5e-5);
        assertEquals(0.6032, latest.getUpper(), 5e-5);
        assertTrue(latest.getFirstDecidedAtEpochMs() >= model.getWindows(0).getLastDecidedAtEpochMs());
        // pooled 13/20; z = 0.7 / sqrt(0.65 * 0.35 * 0.2) = 3.28165
        assertEquals(3.28165, model.getZ(), 1e-5);
        assertTrue(model.getPValue() < 0.001, "p " + model.getPValue());
        assertTrue(model.getAlert());
        SourceDrift crowd = drift.getSources(1);
        assertFalse(crowd.getAlert());

        String metrics = scrape();
        assertEquals(1.0, metric(metrics, "centaur_qc_drift_alert{project=\"" + project + "\",source=\"model\"}"));
        assertEquals(0.0, metric(metrics, "centaur_qc_drift_alert{project=\"" + project + "\",source=\"crowd\"}"));
    }

    @Test
    void driftOfOneSourceAtAChosenWindowSize() {
        String project = newProjectId();
        reviewInOrder(project, LabelSource.LABEL_SOURCE_HYBRID, repeat(true, 25));
        reviewInOrder(project, LabelSource.LABEL_SOURCE_MODEL, repeat(true, 12));

        GetDriftResponse drift = drift(project, 12, LabelSource.LABEL_SOURCE_HYBRID);

        assertEquals(1, drift.getSourcesCount());
        SourceDrift hybrid = drift.getSources(0);
        // 25 reviews make two full windows of 12; the oldest review is left out.
        assertEquals(List.of(12L, 12L), hybrid.getWindowsList().stream().map(DriftWindow::getReviews).toList());
        assertFalse(hybrid.getAlert());
        assertEquals(0.0, hybrid.getZ());
    }

    @Test
    void projectWithoutVerdictsHasNoDriftRows() {
        String project = newProjectId();
        qc.offer(offer(project, 1.0, List.of(single("i1", "positive", LabelSource.LABEL_SOURCE_MODEL))));
        assertEquals(0, drift(project, 0, LabelSource.LABEL_SOURCE_UNSPECIFIED).getSourcesCount());
    }

    @Test
    void badWindowSizesSourcesAndProjectsAreRefused() {
        String project = newProjectId();
        qc.offer(offer(project, 0.0, List.of(single("i1", "positive", LabelSource.LABEL_SOURCE_MODEL))));
        LabelSource any = LabelSource.LABEL_SOURCE_UNSPECIFIED;
        assertFails(Status.Code.INVALID_ARGUMENT, "window_size 9 is outside 10..10000", () -> drift(project, 9, any));
        assertFails(Status.Code.INVALID_ARGUMENT, "window_size -5 is outside 10..10000", () -> drift(project, -5, any));
        assertFails(Status.Code.INVALID_ARGUMENT, "window_size 10001 is outside 10..10000",
                () -> drift(project, 10_001, any));
        assertFails(Status.Code.INVALID_ARGUMENT, "source UNRECOGNIZED (42)", () -> qc.getDrift(
                GetDriftRequest.newBuilder().setProjectId(project).setSourceValue(42).build()));
        String unknown = newProjectId();
        assertFails(Status.Code.NOT_FOUND, "project_id '" + unknown + "' not found", () -> drift(unknown, 0, any));
        assertFails(Status.Code.INVALID_ARGUMENT, "project_id ''", () -> drift("", 0, any));
    }

    /** Offers one label per outcome, then one expert reviews them oldest first: right when true. */
    private void reviewInOrder(String project, LabelSource source, List<Boolean> outcomes) {
        String prefix = source.name().toLowerCase() + "-";
        List<OfferedLabel> labels = IntStream.range(0, outcomes.size())
                .mapToObj(i -> single(prefix + String.format("%03d", i), "positive", source)).toList();
        qc.offer(offer(project, 1.0, labels));
        int answered = 0;
        for (Optional<Review> next = nextReview(qc, "expert-d", project); next.isPresent();
                next = nextReview(qc, "expert-d", project)) {
            int index = Integer.parseInt(next.get().getItemId().substring(prefix.length()));
            answer(qc, "expert-d", next.get().getReviewId(), outcomes.get(index) ? "positive" : "negative");
            answered++;
        }
        assertEquals(outcomes.size(), answered);
    }

    private GetDriftResponse drift(String project, int windowSize, LabelSource source) {
        return qc.getDrift(GetDriftRequest.newBuilder().setProjectId(project).setWindowSize(windowSize)
                .setSource(source).build());
    }

    private static List<Boolean> repeat(boolean value, int count) {
        return new ArrayList<>(java.util.Collections.nCopies(count, value));
    }

    /** {@code count} outcomes, the first {@code right} of them right. */
    private static List<Boolean> first(int right, int count) {
        return concat(repeat(true, right), repeat(false, count - right));
    }

    private static List<Boolean> concat(List<Boolean> a, List<Boolean> b) {
        List<Boolean> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

}
