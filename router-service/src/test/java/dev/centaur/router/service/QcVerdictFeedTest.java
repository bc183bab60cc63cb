package dev.centaur.router.service;

import static dev.centaur.router.TestSupport.count;
import static dev.centaur.router.TestSupport.eventually;
import static dev.centaur.router.TestSupport.rows;
import static dev.centaur.router.TestSupport.text;
import static dev.centaur.router.TestSupport.update;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.centaur.common.v1.LabelSource;
import dev.centaur.qc.v1.ListVerdictsRequest;
import dev.centaur.router.RouterCalls;
import dev.centaur.router.fakes.FakePeers;
import dev.centaur.router.v1.ExportLabelsRequest;
import dev.centaur.router.v1.FinalLabel;
import dev.centaur.router.v1.GetCostRequest;
import dev.centaur.router.v1.GetCostResponse;
import dev.centaur.router.v1.SubmittedItem;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * qc's verdict feed pulled by router (the in-test qc serves it over gRPC; test page size 2): each
 * verdict stored once, confirmed labels marked CONFIRMED, corrections still applied by the
 * corrections worker, and the reviews done counted as expert spend (price 1.5 per review).
 */
@QuarkusTest
@WithTestResource(FakePeers.class)
class QcVerdictFeedTest {

    private static final double DELTA = 1e-9;

    @Inject
    RouterCalls calls;

    /** A project whose model labels every item "yes" (items i-0, i-1, ...), all offered to qc. */
    private String projectWithModelLabels(int items) {
        String projectId = calls.createProject(0.5, "yes", "no");
        FakePeers.INFERENCE.registerModel(projectId, "v1", List.of("yes", "no"));
        calls.submit(projectId, IntStream.range(0, items).mapToObj(i -> text("i-" + i, "yes|0.9"))
                .toArray(SubmittedItem[]::new));
        eventually(() -> assertEquals(items, FakePeers.QC.offered(projectId).size()));
        return projectId;
    }

    @Test
    void confirmedLabelsAreMarkedCorrectedOnesStayCorrectedAndReviewsDoneAreTheExpertSpend() {
        String projectId = projectWithModelLabels(3);

        FakePeers.QC.addVerdict(projectId, "i-0", "yes", LabelSource.LABEL_SOURCE_MODEL, "yes", 1);
        FakePeers.QC.addCorrection(projectId, "i-1", "yes", "no", 2);
        FakePeers.QC.addVerdict(projectId, "i-1", "yes", LabelSource.LABEL_SOURCE_MODEL, "no", 2);

        eventually(() -> assertEquals(Map.of("i-0", "CONFIRMED", "i-1", "CORRECTED", "i-2", ""),
                exportedVerdicts(projectId)));
        assertEquals(List.of("no", "EXPERT"), calls.finalLabel(projectId, "i-1").subList(0, 2));
        assertEquals(List.of("yes", "MODEL"), calls.finalLabel(projectId, "i-0").subList(0, 2));
        eventually(() -> assertEquals(2, cursor(projectId)));
        assertEquals(List.of(List.of("1", "i-0", "yes", "MODEL", "yes", "CONFIRMED", "1"),
                List.of("2", "i-1", "yes", "MODEL", "no", "CORRECTED", "2")), stored(projectId));

        GetCostResponse cost = cost(projectId);
        assertEquals(3, cost.getExpertReviews());
        assertEquals(2, cost.getReviewedLabels());
        assertEquals(4.5, cost.getExpertSpend(), DELTA, "3 reviews done x 1.5");
        assertEquals(0.6, cost.getExpectedExpertReviews(), DELTA, "0.2 x 3 offered");
        assertEquals(0.9, cost.getExpectedExpertSpend(), DELTA);
        assertEquals(3 * 3 * 0.05 + 4.5, cost.getCrowdOnlySpend(), DELTA, "the same reviews without the model");
        String project = "project=\"" + projectId + "\"";
        String metrics = given().get("/q/metrics").then().extract().asString();
        assertTrue(metrics.contains("centaur_router_cost_total{kind=\"expert\"," + project + "} 4.5"), metrics);
        assertTrue(metrics.contains("centaur_router_qc_verdicts_total{" + project + ",result=\"CONFIRMED\"} 1.0"));
        assertTrue(metrics.contains("centaur_router_qc_verdicts_total{" + project + ",result=\"CORRECTED\"} 1.0"));
        assertTrue(metrics.contains("centaur_router_expert_reviews_total{" + project + "} 3.0"));
    }

    @Test
    void verdictsArePagedStoredOnceAndAReplayChangesNothing() {
        String projectId = projectWithModelLabels(6);
        for (int i = 0; i < 5; i++) {
            FakePeers.QC.addVerdict(projectId, "i-" + i, "yes", LabelSource.LABEL_SOURCE_MODEL, "yes", 1);
        }

        eventually(() -> assertEquals(5, cursor(projectId)));
        List<Long> afters = FakePeers.QC.verdictReadsFor(projectId).stream()
                .map(ListVerdictsRequest::getAfter).distinct().toList();
        assertEquals(List.of(0L, 2L, 4L), afters.subList(0, 3));
        List<List<String>> before = stored(projectId);
        assertEquals(5, before.size());

        update(calls.dataSource, "UPDATE router.qc_verdict_cursor SET last_sequence = 0 WHERE project_id = ?",
                projectId);
        eventually(() -> assertEquals(5, cursor(projectId)));
        assertEquals(before, stored(projectId));
        assertEquals(5, cost(projectId).getExpertReviews());

        FakePeers.QC.addVerdict(projectId, "i-5", "yes", LabelSource.LABEL_SOURCE_MODEL, "yes", 2);
        eventually(() -> assertEquals(7, cost(projectId).getExpertReviews()));
        assertEquals(6, count(calls.dataSource, "SELECT count(*) FROM router.final_label WHERE project_id = ?"
                + " AND qc_verdict = 'CONFIRMED'", projectId));
    }

    @Test
    void aVerdictThatCannotBeStoredIsPassedOverWithoutBlockingTheNext() {
        String projectId = projectWithModelLabels(2);
        FakePeers.QC.addVerdict(projectId, "unknown-item", "yes", LabelSource.LABEL_SOURCE_MODEL, "yes", 1);
        FakePeers.QC.addVerdict(projectId, "i-0", "yes", LabelSource.LABEL_SOURCE_MODEL, "maybe", 1);
        FakePeers.QC.addVerdict(projectId, "i-1", "yes", LabelSource.LABEL_SOURCE_MODEL, "yes", 1);

        eventually(() -> assertEquals(3, cursor(projectId)));
        assertEquals(List.of(List.of("3", "i-1", "yes", "MODEL", "yes", "CONFIRMED", "1")), stored(projectId));
        assertEquals(1, cost(projectId).getExpertReviews());
        assertEquals(Map.of("i-0", "", "i-1", "CONFIRMED"), exportedVerdicts(projectId));
    }

    private GetCostResponse cost(String projectId) {
        return calls.router.getCost(GetCostRequest.newBuilder().setProjectId(projectId).build());
    }

    private Map<String, String> exportedVerdicts(String projectId) {
        Map<String, String> verdicts = new TreeMap<>();
        calls.router.exportLabels(ExportLabelsRequest.newBuilder().setProjectId(projectId).build())
                .forEachRemaining(response -> {
                    FinalLabel label = response.getLabel();
                    verdicts.put(label.getItemId(), label.getQcVerdict());
                });
        return verdicts;
    }

    private List<List<String>> stored(String projectId) {
        return rows(calls.dataSource, """
                SELECT sequence, item_id, reviewed_label, reviewed_source, expert_label, result, reviews
                FROM router.qc_verdict WHERE project_id = ? ORDER BY sequence""", projectId);
    }

    private long cursor(String projectId) {
        return count(calls.dataSource,
                "SELECT coalesce(max(last_sequence), -1) FROM router.qc_verdict_cursor WHERE project_id = ?",
                projectId);
    }
}
