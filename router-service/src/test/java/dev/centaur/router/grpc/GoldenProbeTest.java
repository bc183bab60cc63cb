package dev.centaur.router.grpc;

import static dev.centaur.router.TestSupport.assertFails;
import static dev.centaur.router.TestSupport.count;
import static dev.centaur.router.TestSupport.eventually;
import static dev.centaur.router.TestSupport.newProjectId;
import static dev.centaur.router.TestSupport.pause;
import static dev.centaur.router.TestSupport.project;
import static dev.centaur.router.TestSupport.text;
import static dev.centaur.router.grpc.GoldenItemsTest.golden;
import static dev.centaur.router.grpc.GoldenItemsTest.holdoutIds;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.centaur.common.v1.LabelSource;
import dev.centaur.crowd.v1.CrowdItem;
import dev.centaur.router.RouterCalls;
import dev.centaur.router.fakes.FakePeers;
import dev.centaur.router.v1.AddGoldenItemsRequest;
import dev.centaur.router.v1.CreateProjectRequest;
import dev.centaur.router.v1.CurveEvidence;
import dev.centaur.router.v1.ExportLabelsRequest;
import dev.centaur.router.v1.GetCostRequest;
import dev.centaur.router.v1.GetCostResponse;
import dev.centaur.router.v1.GetCurveRequest;
import dev.centaur.router.v1.GetProgressResponse;
import dev.centaur.router.v1.GetProjectRequest;
import dev.centaur.router.v1.GoldenItem;
import dev.centaur.router.v1.Policy;
import dev.centaur.router.v1.Project;
import dev.centaur.router.v1.SetPolicyRequest;
import io.grpc.Status;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Golden probes: held-out golden items also sent to the crowd as ordinary items (policy
 * golden_crowd_share, 0.1 by default), whose crowd labels measure the crowd and never become final
 * labels. Probes are picked by an MD5 bucket of the id, computed here as router's migration does.
 */
@QuarkusTest
@WithTestResource(FakePeers.class)
class GoldenProbeTest {

    private static final double DELTA = 1e-9;

    @Inject
    RouterCalls calls;

    /** The id's probe bucket: the first 32 bits of its MD5, modulo 10000 (V7__golden_crowd_probes.sql). */
    static long probeBucket(String itemId) {
        try {
            byte[] md5 = MessageDigest.getInstance("MD5").digest(itemId.getBytes(StandardCharsets.UTF_8));
            return Long.parseLong(HexFormat.of().formatHex(md5, 0, 4), 16) % 10_000;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Held-out ids whose bucket is under (probed) or over (not) the share. */
    private static List<String> heldOut(String prefix, int count, double share, boolean probed) {
        return holdoutIds(prefix, 20 * count).stream()
                .filter(id -> (probeBucket(id) < share * 10_000) == probed).limit(count).toList();
    }

    private String projectWithModel(Policy.Builder policy) {
        String projectId = newProjectId();
        Project.Builder project = project(projectId, 0.8, "yes", "no");
        project.setPolicy(policy.mergeFrom(project.getPolicy()).build().toBuilder());
        calls.projects.createProject(CreateProjectRequest.newBuilder().setProject(project).build());
        FakePeers.INFERENCE.registerModel(projectId, "v1", List.of("yes", "no"));
        return projectId;
    }

    @Test
    void probesGoToTheCrowdAsItemsAndTheirLabelsMeasureTheCrowdButNeverBecomeFinalLabels() {
        String projectId = projectWithModel(Policy.newBuilder());
        assertEquals(0.1, policy(projectId).getGoldenCrowdShare(), 0, "unset means 0.1");
        List<String> probes = heldOut("p", 3, 0.1, true);
        List<String> others = heldOut("q", 2, 0.1, false);
        addGolden(projectId, probes.stream().map(id -> golden(id, "yes|0.7", "yes")).toArray(GoldenItem[]::new));
        addGolden(projectId, others.stream().map(id -> golden(id, "yes|0.7", "yes")).toArray(GoldenItem[]::new));

        eventually(() -> assertEquals(3, FakePeers.CROWD.pool(projectId).size()));
        Map<String, CrowdItem> pool = FakePeers.CROWD.pool(projectId);
        for (String id : probes) {
            CrowdItem item = pool.get("golden-probe:" + id);
            assertEquals("yes|0.7", item.getContent().getText());
            assertEquals(List.of(0.7, 0.3), item.getModelProbabilitiesList().stream()
                    .map(p -> Math.round(p * 1e9) / 1e9).toList(), "like an ordinary item: with the distribution");
        }

        assertTrue(calls.report(projectId, "golden-probe:" + probes.get(0), "yes", 0.9, 3, LabelSource.LABEL_SOURCE_CROWD));
        assertTrue(calls.report(projectId, "golden-probe:" + probes.get(1), "yes", 0.8, 3, LabelSource.LABEL_SOURCE_HYBRID));
        assertTrue(calls.report(projectId, "golden-probe:" + probes.get(2), "no", 0.7, 4, LabelSource.LABEL_SOURCE_CROWD));
        assertFalse(calls.report(projectId, "golden-probe:" + probes.get(2), "yes", 0.9, 5,
                LabelSource.LABEL_SOURCE_CROWD), "a repeat changes nothing");

        CurveEvidence evidence = calls.router.getCurve(GetCurveRequest.newBuilder().setProjectId(projectId).build())
                .getEvidence();
        assertEquals(3, evidence.getCrowdProbeItems());
        assertFalse(evidence.getCrowdAccuracyAssumed());
        assertEquals(List.of(3L, 2L), List.of(evidence.getCrowdAccuracyTrials(), evidence.getCrowdAccuracyCorrect()));
        assertTrue(evidence.getDescription().contains("on 3 crowd labels, 2 right: 3 golden probes"),
                evidence.getDescription());
        GetProgressResponse progress = calls.progress(projectId);
        assertEquals(List.of(0L, 0L, 0L, 0L), List.of(progress.getItems(), progress.getLabeled(),
                progress.getCrowdAnswers(), progress.getWithCrowd()), "probes are no project items");
        assertFalse(calls.router.exportLabels(ExportLabelsRequest.newBuilder().setProjectId(projectId).build())
                .hasNext());
        GetCostResponse cost = calls.router.getCost(GetCostRequest.newBuilder().setProjectId(projectId).build());
        assertEquals(10, cost.getCrowdProbeAnswers());
        assertEquals(0, cost.getCrowdAnswers());
        assertEquals(0.5, cost.getCrowdSpend(), DELTA, "10 probe answers x 0.05");
    }

    @Test
    void aResultForAnUnknownProbeOrWithAnotherLabelIsRefusedAndChangesNothing() {
        String projectId = projectWithModel(Policy.newBuilder().setGoldenCrowdShare(1.0));
        List<String> ids = holdoutIds("r", 1);
        addGolden(projectId, golden(ids.get(0), "yes|0.7", "yes"));
        eventually(() -> assertEquals(1, FakePeers.CROWD.pool(projectId).size()));

        assertFails(Status.Code.NOT_FOUND, () -> calls.report(projectId, "golden-probe:nothing", "yes", 0.9, 3,
                LabelSource.LABEL_SOURCE_CROWD), "golden-probe:nothing");
        assertFails(Status.Code.INVALID_ARGUMENT, () -> calls.report(projectId, "golden-probe:" + ids.get(0), "maybe",
                0.9, 3, LabelSource.LABEL_SOURCE_CROWD), "maybe");
        assertEquals(0, count(calls.dataSource, "SELECT count(*) FROM router.golden_crowd_probe WHERE project_id = ?"
                + " AND status = 'LABELED'", projectId));
    }

    @Test
    void theShareDecidesWhichHeldOutItemsAreProbedAndRaisingItAddsProbes() {
        String projectId = projectWithModel(Policy.newBuilder().setGoldenCrowdShare(0));
        List<String> ids = holdoutIds("s", 4);
        addGolden(projectId, ids.stream().map(id -> golden(id, "no|0.9", "no")).toArray(GoldenItem[]::new));
        eventually(() -> assertEquals(4, count(calls.dataSource, "SELECT count(*) FROM router.golden_item"
                + " WHERE project_id = ? AND model_probabilities IS NOT NULL", projectId)));
        // Several runs of the probe worker (every 100 ms in the tests).
        pause(Duration.ofMillis(600));
        assertEquals(0, FakePeers.CROWD.pool(projectId).size(), "share 0 probes nothing");

        calls.projects.setPolicy(SetPolicyRequest.newBuilder().setProjectId(projectId)
                .setPolicy(policy(projectId).toBuilder().setGoldenCrowdShare(1.0)).setReason("measure the crowd").build());

        eventually(() -> assertEquals(4, FakePeers.CROWD.pool(projectId).size()));
        assertTrue(ids.stream().allMatch(id -> FakePeers.CROWD.pool(projectId).containsKey("golden-probe:" + id)));
        assertEquals(1.0, policy(projectId).getGoldenCrowdShare(), 0);
    }

    @Test
    void aShareOutsideZeroToOneIsRefusedAndAProbeIdCannotBeAnItemId() {
        String projectId = projectWithModel(Policy.newBuilder());
        Policy before = policy(projectId);

        assertFails(Status.Code.INVALID_ARGUMENT, () -> calls.projects.setPolicy(SetPolicyRequest.newBuilder()
                .setProjectId(projectId).setPolicy(before.toBuilder().setGoldenCrowdShare(1.5)).build()),
                "policy.golden_crowd_share", "1.5");
        assertFails(Status.Code.INVALID_ARGUMENT, () -> calls.projects.createProject(CreateProjectRequest.newBuilder()
                .setProject(project(newProjectId(), 0.8, "yes", "no").setPolicy(before.toBuilder()
                        .setGoldenCrowdShare(-0.1))).build()), "project.policy.golden_crowd_share", "-0.1");
        assertEquals(before, policy(projectId));

        assertFails(Status.Code.INVALID_ARGUMENT, () -> calls.submit(projectId, text("fine", "a"),
                text("golden-probe:x", "b")), "items[1].item_id", "golden-probe:x");
        assertEquals(0, calls.progress(projectId).getItems());
    }

    private void addGolden(String projectId, GoldenItem... items) {
        calls.router.addGoldenItems(AddGoldenItemsRequest.newBuilder()
                .setProjectId(projectId).addAllItems(List.of(items)).build());
    }

    private Policy policy(String projectId) {
        return calls.projects.getProject(GetProjectRequest.newBuilder().setProjectId(projectId).build())
                .getProject().getPolicy();
    }
}
