package dev.centaur.router.grpc;

import static dev.centaur.router.TestSupport.assertFails;
import static dev.centaur.router.TestSupport.eventually;
import static dev.centaur.router.TestSupport.rows;
import static dev.centaur.router.TestSupport.text;
import static dev.centaur.router.grpc.GoldenItemsTest.golden;
import static dev.centaur.router.grpc.GoldenItemsTest.holdoutIds;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.centaur.common.v1.LabelSource;
import dev.centaur.router.RouterCalls;
import dev.centaur.router.fakes.FakePeers;
import dev.centaur.router.v1.AddGoldenItemsRequest;
import dev.centaur.router.v1.CurvePoint;
import dev.centaur.router.v1.GetCostRequest;
import dev.centaur.router.v1.GetCostResponse;
import dev.centaur.router.v1.GetCurveRequest;
import dev.centaur.router.v1.GetCurveResponse;
import dev.centaur.router.v1.GetPolicyHistoryRequest;
import dev.centaur.router.v1.GetProjectRequest;
import dev.centaur.router.v1.GoldenItem;
import dev.centaur.router.v1.Policy;
import dev.centaur.router.v1.PolicyActor;
import dev.centaur.router.v1.PolicyChange;
import dev.centaur.router.v1.PolicyMode;
import dev.centaur.router.v1.SetPolicyRequest;
import io.grpc.Status;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * GetCurve, the automatic threshold in the target and budget modes, and GetCost, end to end.
 * The golden set (all held out): 20 items the model labels right at max p 0.95, 20 right at 0.7,
 * 10 wrong at 0.6. Crowd accuracy is the assumed 0.9. Prices (TestSupport.project): 0.1 per 1,000
 * predictions, overlap 3 x 0.05, qc_rate 0.2 x 1.5: cost per item 0.3001 + (1 - coverage) x 0.15.
 */
@QuarkusTest
@WithTestResource(FakePeers.class)
class CurveAndCostTest {

    private static final double DELTA = 1e-9;

    @Inject
    RouterCalls calls;

    @Test
    void theCurveIsServedWithItsEvidenceAndTheUsersThresholdAsTheOperatingPoint() {
        String projectId = projectWithGoldenSet();

        GetCurveResponse curve = curve(projectId);

        assertEquals(51, curve.getPointsCount());
        CurvePoint at70 = curve.getPoints(20);
        assertEquals(0.7, at70.getThreshold(), 0);
        assertEquals(40, at70.getCovered());
        assertEquals(0.8, at70.getCoverage(), DELTA);
        assertEquals(1.0, at70.getModelAccuracy(), DELTA);
        assertEquals(0.98, at70.getOverallAccuracy(), DELTA, "0.8 x 1 + 0.2 x 0.9");
        assertEquals(0.9082889340775477, at70.getOverallAccuracyLow(), 1e-9, "Wilson 40/50 low with 40/40 low");
        assertEquals(0.3301, at70.getCostPerItem(), DELTA);
        assertEquals(50, curve.getPoints(10).getCovered(), "at 0.6 the wrong ones are covered too");
        assertEquals(0.8, curve.getPoints(10).getModelAccuracy(), DELTA);
        assertEquals(50, curve.getEvidence().getGoldenItems());
        assertEquals(0, curve.getEvidence().getCrowdLabeledItems());
        assertTrue(curve.getEvidence().getCrowdAccuracyAssumed());
        assertTrue(curve.getEvidence().getDescription().contains("crowd accuracy assumed 0.9000"),
                curve.getEvidence().getDescription());
        assertEquals(PolicyMode.POLICY_MODE_THRESHOLD, curve.getMode());
        assertEquals(0.8, curve.getOperatingPoint().getThreshold(), 0);
        assertEquals(20, curve.getOperatingPoint().getPoint().getCovered());
    }

    @Test
    void targetModeMakesTheCheapestPointMeetingTheTargetTheThresholdForLaterItems() {
        String projectId = projectWithGoldenSet();

        setPolicy(projectId, policy(projectId).toBuilder().setMode(PolicyMode.POLICY_MODE_TARGET_ACCURACY)
                .setTargetAccuracy(0.9).build());

        // 0.61..0.70 cover 80% with a lower bound of 0.908; the highest of these equally cheap points wins.
        eventually(() -> assertEquals(0.7, policy(projectId).getThreshold(), 0));
        List<PolicyChange> history = history(projectId);
        assertEquals(List.of(PolicyActor.POLICY_ACTOR_USER, PolicyActor.POLICY_ACTOR_AUTOMATIC),
                history.stream().map(PolicyChange::getActor).toList());
        String evidence = history.get(1).getReason();
        assertTrue(evidence.contains("TARGET_ACCURACY") && evidence.contains("50 held-out golden items")
                && evidence.contains("target 0.9000"), evidence);
        GetCurveResponse curve = curve(projectId);
        assertTrue(curve.getOperatingPoint().getSatisfied());
        assertEquals(0.7, curve.getEffectiveThreshold(), 0);

        calls.submit(projectId, text("after-75", "yes|0.75"), text("after-65", "yes|0.65"));
        eventually(() -> assertEquals("MODEL", calls.finalLabel(projectId, "after-75").get(1)));
        eventually(() -> assertTrue(FakePeers.CROWD.pool(projectId).containsKey("after-65")));

        setPolicy(projectId, policy(projectId).toBuilder().setTargetAccuracy(0.99).build());
        eventually(() -> assertEquals(1.0, policy(projectId).getThreshold(), 0));
        GetCurveResponse unreachable = curve(projectId);
        assertFalse(unreachable.getOperatingPoint().getSatisfied());
        assertTrue(unreachable.getOperatingPoint().getExplanation().startsWith("no threshold"));
    }

    @Test
    void budgetModeTakesTheMostAccuratePointWithinTheBudget() {
        String projectId = projectWithGoldenSet();

        // 0.31 per item affords only full coverage (0.3001): thresholds 0.50..0.60, the highest wins.
        setPolicy(projectId, policy(projectId).toBuilder().setMode(PolicyMode.POLICY_MODE_BUDGET)
                .setBudgetPerItem(0.31).build());

        eventually(() -> assertEquals(0.6, policy(projectId).getThreshold(), 0));
        String evidence = history(projectId).get(1).getReason();
        assertTrue(evidence.contains("BUDGET") && evidence.contains("budget 0.3100"), evidence);
        calls.submit(projectId, text("cheap-65", "yes|0.65"));
        eventually(() -> assertEquals("MODEL", calls.finalLabel(projectId, "cheap-65").get(1)));

        // 0.34 also affords 80% coverage (0.3301), expected 0.98 instead of 0.8.
        setPolicy(projectId, policy(projectId).toBuilder().setBudgetPerItem(0.34).build());
        eventually(() -> assertEquals(0.7, policy(projectId).getThreshold(), 0));
    }

    @Test
    void theFloorFromRaiseThresholdHoldsAgainstTheCurve() {
        String projectId = projectWithGoldenSet();
        calls.projects.raiseThreshold(dev.centaur.router.v1.RaiseThresholdRequest.newBuilder()
                .setProjectId(projectId).setMinThreshold(0.85).setEvidence("qc: model upper bound 0.84").build());

        setPolicy(projectId, policy(projectId).toBuilder().setMode(PolicyMode.POLICY_MODE_TARGET_ACCURACY)
                .setTargetAccuracy(0.9).build());

        eventually(() -> assertEquals("false", rows(calls.dataSource,
                "SELECT curve_stale FROM router.project WHERE project_id = ?", projectId).get(0).get(0)));
        assertEquals(0.7, curve(projectId).getOperatingPoint().getThreshold(), 0, "what the curve alone picks");
        assertEquals(0.85, policy(projectId).getThreshold(), 0, "the floor keeps it");
        assertEquals(List.of(PolicyActor.POLICY_ACTOR_AUTOMATIC, PolicyActor.POLICY_ACTOR_USER),
                history(projectId).stream().map(PolicyChange::getActor).toList(), "no automatic lowering");
    }

    @Test
    void crowdLabelsJudgeTheModelWhereNoGoldExistsAndMeasureTheCrowdWhereItDoes() {
        String projectId = calls.createProject(0.8, "yes", "no");
        FakePeers.INFERENCE.registerModel(projectId, "v1", List.of("yes", "no"));
        calls.submit(projectId, text("twin", "yes|0.55"), text("plain", "yes|0.6"));
        eventually(() -> assertEquals(2, calls.itemsInStatus(projectId, "WITH_CROWD")));
        calls.report(projectId, "twin", "no", 0.9, 3, LabelSource.LABEL_SOURCE_CROWD);
        calls.report(projectId, "plain", "no", 0.9, 3, LabelSource.LABEL_SOURCE_HYBRID);
        addGolden(projectId, golden("twin", "yes|0.55", "no"));

        GetCurveResponse curve = curve(projectId);

        assertEquals(1, curve.getEvidence().getCrowdLabeledItems(), "the twin is judged by gold only");
        assertEquals(1, curve.getEvidence().getCrowdGoldPairs());
        assertFalse(curve.getEvidence().getCrowdAccuracyAssumed());
        // One pair, the crowd right: Wilson 1/1.
        assertEquals(1.0, curve.getPoints(0).getCrowdAccuracy(), DELTA);
        assertEquals(0.20654931437723745, curve.getPoints(0).getCrowdAccuracyLow(), 1e-9);
        assertEquals(1, curve.getPoints(0).getCovered(), "plain, max p 0.6, judged against the crowd's no");
        assertEquals(0, curve.getPoints(0).getModelAccuracy(), DELTA);
    }

    @Test
    void withoutEvidenceTheCurveIsEmpty() {
        String projectId = calls.createProject(0.8, "yes", "no");

        GetCurveResponse curve = curve(projectId);

        assertEquals(0, curve.getPointsCount());
        assertFalse(curve.hasOperatingPoint());
        assertEquals(0.8, curve.getEffectiveThreshold(), 0);
    }

    @Test
    void costAddsModelAndCrowdSpendKeepsExpectedExpertSpendApartAndComparesWithTheCrowdAlone() {
        String projectId = calls.createProject(0.8, "yes", "no");
        FakePeers.INFERENCE.registerModel(projectId, "v1", List.of("yes", "no"));
        calls.submit(projectId, text("m-1", "yes|0.9"), text("m-2", "no|0.95"), text("c-1", "yes|0.5"),
                text("c-2", "no|0.6"));
        eventually(() -> assertEquals(2, calls.itemsInStatus(projectId, "WITH_CROWD")));
        calls.report(projectId, "c-1", "yes", 0.9, 3, LabelSource.LABEL_SOURCE_CROWD);
        calls.report(projectId, "c-2", "no", 0.8, 5, LabelSource.LABEL_SOURCE_CROWD);
        eventually(() -> assertEquals(4, calls.progress(projectId).getOfferedToQc()));

        GetCostResponse cost = calls.router.getCost(GetCostRequest.newBuilder().setProjectId(projectId).build());

        assertEquals(4, cost.getModelPredictions());
        assertEquals(0.0004, cost.getModelSpend(), DELTA, "4 x 0.1 / 1000");
        assertEquals(8, cost.getCrowdAnswers());
        assertEquals(0.4, cost.getCrowdSpend(), DELTA, "8 x 0.05");
        assertEquals(0.8, cost.getExpectedExpertReviews(), DELTA, "0.2 x 4 offered");
        assertEquals(1.2, cost.getExpectedExpertSpend(), DELTA, "0.8 x 1.5");
        assertEquals(0, cost.getExpertReviews(), "qc reported no review done");
        assertEquals(0, cost.getExpertSpend(), DELTA);
        assertEquals(0.4004, cost.getTotalSpend(), DELTA);
        assertEquals(4, cost.getFinalLabels());
        assertEquals(0.1001, cost.getCostPerFinalLabel(), DELTA);
        assertEquals(0.6, cost.getCrowdOnlySpend(), DELTA, "4 x 3 x 0.05 + no reviews");
        assertEquals(0.1996, cost.getSaving(), DELTA);
        String project = "project=\"" + projectId + "\"";
        given().get("/q/metrics").then()
                .body(containsString("centaur_router_cost_total{kind=\"model\"," + project + "} 4.0E-4"))
                .body(containsString("centaur_router_cost_total{kind=\"crowd\"," + project + "} 0.4"))
                .body(not(containsString("centaur_router_cost_total{kind=\"expert\"," + project + "}")))
                .body(containsString("centaur_router_final_labels_total{" + project + ",source=\"CROWD\"} 2.0"));
    }

    @Test
    void curveAndCostOfAnUnknownProjectAreNotFound() {
        String unknown = calls.createProject(0.8, "yes", "no") + "-gone";

        assertFails(Status.Code.NOT_FOUND, () -> curve(unknown), unknown);
        assertFails(Status.Code.NOT_FOUND,
                () -> calls.router.getCost(GetCostRequest.newBuilder().setProjectId(unknown).build()), unknown);
        assertFails(Status.Code.INVALID_ARGUMENT, () -> curve(""), "project_id");
        assertFails(Status.Code.INVALID_ARGUMENT, () -> calls.router.getCost(GetCostRequest.getDefaultInstance()),
                "project_id");
    }

    private String projectWithGoldenSet() {
        String projectId = calls.createProject(0.8, "yes", "no");
        FakePeers.INFERENCE.registerModel(projectId, "v1", List.of("yes", "no"));
        List<String> ids = holdoutIds("gold", 50);
        List<GoldenItem> items = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            items.add(i < 20 ? golden(ids.get(i), "yes|0.95", "yes")
                    : i < 40 ? golden(ids.get(i), "yes|0.7", "yes")
                    : golden(ids.get(i), "yes|0.6", "no"));
        }
        addGolden(projectId, items.toArray(GoldenItem[]::new));
        eventually(() -> assertEquals(50, curve(projectId).getEvidence().getGoldenItems()));
        return projectId;
    }

    private void addGolden(String projectId, GoldenItem... items) {
        calls.router.addGoldenItems(AddGoldenItemsRequest.newBuilder()
                .setProjectId(projectId).addAllItems(List.of(items)).build());
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

    private List<PolicyChange> history(String projectId) {
        return calls.projects.getPolicyHistory(GetPolicyHistoryRequest.newBuilder().setProjectId(projectId).build())
                .getChangesList();
    }
}
