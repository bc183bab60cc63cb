package dev.centaur.router.grpc;

import static dev.centaur.router.TestSupport.eventually;
import static dev.centaur.router.TestSupport.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.centaur.common.v1.LabelSource;
import dev.centaur.router.RouterCalls;
import dev.centaur.router.fakes.FakePeers;
import dev.centaur.router.v1.CurveEvidence;
import dev.centaur.router.v1.CurvePoint;
import dev.centaur.router.v1.GetCurveRequest;
import dev.centaur.router.v1.GetCurveResponse;
import dev.centaur.router.v1.GetPolicyHistoryRequest;
import dev.centaur.router.v1.GetProjectRequest;
import dev.centaur.router.v1.Policy;
import dev.centaur.router.v1.PolicyActor;
import dev.centaur.router.v1.PolicyChange;
import dev.centaur.router.v1.PolicyMode;
import dev.centaur.router.v1.SetPolicyRequest;
import dev.centaur.router.v1.SubmittedItem;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Items reviewed by qc's experts as curve evidence, end to end through the verdict feed (the
 * in-test qc serves it; test minimum 2 reviews per route). The model labels "yes|0.9" items and
 * sends "yes|0.6" ones to the crowd (threshold 0.8), which labels them "no".
 */
@QuarkusTest
@WithTestResource(FakePeers.class)
class QcCurveEvidenceTest {

    private static final double DELTA = 1e-9;

    @Inject
    RouterCalls calls;

    /** m-0.. labeled by the model at max p modelP, c-0.. labeled "no" by the crowd; all offered to qc. */
    private String project(int modelItems, String modelP, int crowdItems) {
        String projectId = calls.createProject(0.8, "yes", "no");
        FakePeers.INFERENCE.registerModel(projectId, "v1", List.of("yes", "no"));
        calls.submit(projectId, Stream.concat(
                IntStream.range(0, modelItems).mapToObj(i -> text("m-" + i, "yes|" + modelP)),
                IntStream.range(0, crowdItems).mapToObj(i -> text("c-" + i, "yes|0.6"))).toArray(SubmittedItem[]::new));
        eventually(() -> assertEquals(crowdItems, calls.itemsInStatus(projectId, "WITH_CROWD")));
        for (int i = 0; i < crowdItems; i++) {
            calls.report(projectId, "c-" + i, "no", 0.9, 3, LabelSource.LABEL_SOURCE_CROWD);
        }
        eventually(() -> assertEquals(modelItems + crowdItems, FakePeers.QC.offered(projectId).size()));
        return projectId;
    }

    private static void review(String projectId, String itemId, String finalLabel, LabelSource source,
            String expertLabel) {
        if (!finalLabel.equals(expertLabel)) {
            FakePeers.QC.addCorrection(projectId, itemId, finalLabel, expertLabel, 1);
        }
        FakePeers.QC.addVerdict(projectId, itemId, finalLabel, source, expertLabel, 1);
    }

    @Test
    void reviewsOfBothRoutesJudgeTheModelWeightedByTheirRoutesShareOfItems() {
        // 8 items to the model, 2 to the crowd; 2 reviews of each route: weights 1.6 and 0.4.
        String projectId = project(8, "0.9", 2);
        review(projectId, "m-0", "yes", LabelSource.LABEL_SOURCE_MODEL, "yes");
        review(projectId, "m-1", "yes", LabelSource.LABEL_SOURCE_MODEL, "no");
        review(projectId, "c-0", "no", LabelSource.LABEL_SOURCE_CROWD, "no");
        review(projectId, "c-1", "no", LabelSource.LABEL_SOURCE_CROWD, "yes");

        eventually(() -> assertEquals(4, curve(projectId).getEvidence().getQcReviewedItems()));
        GetCurveResponse curve = curve(projectId);

        CurveEvidence evidence = curve.getEvidence();
        assertEquals(List.of(2L, 2L, 8L, 2L), List.of(evidence.getQcReviewsModelRouted(),
                evidence.getQcReviewsCrowdRouted(), evidence.getRoutedToModel(), evidence.getRoutedToCrowd()),
                "the corrected m-1 and c-1 keep their routes");
        assertEquals("v1", evidence.getModelVersion());
        assertEquals("", evidence.getQcReviewsLeftOutReason());
        assertEquals(0, evidence.getGoldenItems());
        assertEquals(0, evidence.getCrowdLabeledItems(), "the reviewed crowd labels are judged by the experts");
        assertTrue(evidence.getCrowdLabelsEnabled());
        assertTrue(evidence.getDescription().contains("4 items of model v1 reviewed by qc's experts"),
                evidence.getDescription());
        CurvePoint at80 = curve.getPoints(30);
        assertEquals(0.8, at80.getThreshold(), 0);
        assertEquals(2, at80.getCovered());
        // Covered weight 3.2 of 4.0; effective n = 16 / 5.44.
        assertEquals(0.8, at80.getCoverage(), DELTA);
        assertEquals(0.2844195006636424, at80.getCoverageLow(), DELTA);
        // m-0 right, m-1 wrong, 1.6 each; effective n = 3.2^2 / 5.12 = 2.
        assertEquals(0.5, at80.getModelAccuracy(), DELTA);
        assertEquals(0.09453120573423074, at80.getModelAccuracyLow(), DELTA);
        // At 0.6 the crowd-routed ones are covered too: the model was right on c-1 only.
        assertEquals((1.6 + 0.4) / 4.0, curve.getPoints(10).getModelAccuracy(), DELTA);
        assertEquals(1.0, curve.getPoints(10).getCoverage(), DELTA);
        // The crowd: c-0 confirmed, c-1 corrected: 1 of 2.
        assertFalse(evidence.getCrowdAccuracyAssumed());
        assertEquals(List.of(2L, 1L, 2L, 0L), List.of(evidence.getCrowdAccuracyTrials(),
                evidence.getCrowdAccuracyCorrect(), evidence.getCrowdQcReviews(), evidence.getCrowdProbeItems()));
        assertEquals(0.5, at80.getCrowdAccuracy(), DELTA);
        assertEquals(0.09453120573423074, at80.getCrowdAccuracyLow(), DELTA);
    }

    @Test
    void reviewsOfModelLabelsAloneAreLeftOutAsATruncatedSample() {
        String projectId = project(4, "0.9", 2);
        review(projectId, "m-0", "yes", LabelSource.LABEL_SOURCE_MODEL, "yes");
        review(projectId, "m-1", "yes", LabelSource.LABEL_SOURCE_MODEL, "yes");
        review(projectId, "m-2", "yes", LabelSource.LABEL_SOURCE_MODEL, "no");

        eventually(() -> assertEquals(3, curve(projectId).getEvidence().getQcReviewsModelRouted()));
        CurveEvidence evidence = curve(projectId).getEvidence();

        assertEquals(0, evidence.getQcReviewedItems());
        assertEquals("2 items went to the crowd but 0 of them were reviewed (2 needed): reviews of model labels"
                + " alone cover only confidence at or above the threshold in force",
                evidence.getQcReviewsLeftOutReason());
        assertEquals(2, evidence.getCrowdLabeledItems(), "the crowd's labels judge the model as before");
        assertTrue(evidence.getDescription().contains("3 qc-reviewed items of model v1 left out"),
                evidence.getDescription());
    }

    @Test
    void newReviewsMoveTheOperatingPointOfATargetProject() {
        String projectId = project(20, "0.95", 5);
        setPolicy(projectId, policy(projectId).toBuilder().setMode(PolicyMode.POLICY_MODE_TARGET_ACCURACY)
                .setTargetAccuracy(0.6).build());
        // The crowd-labeled items alone cannot show 0.6 (assumed crowd 0.9, coverage 0 of 5 above 0.6).
        eventually(() -> assertEquals(1.0, policy(projectId).getThreshold(), 0));

        for (int i = 0; i < 10; i++) {
            review(projectId, "m-" + i, "yes", LabelSource.LABEL_SOURCE_MODEL, "yes");
        }
        for (int i = 0; i < 5; i++) {
            review(projectId, "c-" + i, "no", LabelSource.LABEL_SOURCE_CROWD, "no");
        }

        // Once all are in: weights 1.2 and 0.6, coverage 0.8 [0.538, 0.932], model 10/10, crowd 5/5: lower
        // bound 0.650 at 0.95 (the curve worker may have moved there on the first pages already).
        eventually(() -> assertEquals(15, curve(projectId).getEvidence().getQcReviewedItems()));
        eventually(() -> assertEquals(0.95, policy(projectId).getThreshold(), 0));
        assertEquals(0.6499243720541925, curve(projectId).getOperatingPoint().getPoint().getOverallAccuracyLow(),
                DELTA);
        List<PolicyChange> history = calls.projects.getPolicyHistory(GetPolicyHistoryRequest.newBuilder()
                .setProjectId(projectId).build()).getChangesList();
        PolicyChange last = history.get(history.size() - 1);
        assertEquals(PolicyActor.POLICY_ACTOR_AUTOMATIC, last.getActor());
        assertTrue(last.getReason().contains("threshold 0.95") && last.getReason().contains(
                "items of model v1 reviewed by qc's experts judged against the experts' label"), last.getReason());
    }

    private GetCurveResponse curve(String projectId) {
        return calls.router.getCurve(GetCurveRequest.newBuilder().setProjectId(projectId).build());
    }

    private Policy policy(String projectId) {
        return calls.projects.getProject(GetProjectRequest.newBuilder().setProjectId(projectId).build())
                .getProject().getPolicy();
    }

    private void setPolicy(String projectId, Policy policy) {
        calls.projects.setPolicy(SetPolicyRequest.newBuilder()
                .setProjectId(projectId).setPolicy(policy).setReason("test").build());
    }
}
