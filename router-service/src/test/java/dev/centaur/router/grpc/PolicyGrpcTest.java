package dev.centaur.router.grpc;

import static dev.centaur.router.TestSupport.assertFails;
import static dev.centaur.router.TestSupport.count;
import static dev.centaur.router.TestSupport.eventually;
import static dev.centaur.router.TestSupport.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.centaur.router.RouterCalls;
import dev.centaur.router.fakes.FakePeers;
import dev.centaur.router.v1.CreateProjectRequest;
import dev.centaur.router.v1.GetPolicyHistoryRequest;
import dev.centaur.router.v1.GetProjectRequest;
import dev.centaur.router.v1.Policy;
import dev.centaur.router.v1.PolicyActor;
import dev.centaur.router.v1.PolicyChange;
import dev.centaur.router.v1.PolicyMode;
import dev.centaur.router.v1.Project;
import dev.centaur.router.v1.RaiseThresholdRequest;
import dev.centaur.router.v1.RaiseThresholdResponse;
import dev.centaur.router.v1.SetPolicyRequest;
import dev.centaur.router.v1.SetPolicyResponse;
import io.grpc.Status;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** SetPolicy, GetPolicyHistory and RaiseThreshold over gRPC, and routing by per-label thresholds. */
@QuarkusTest
@WithTestResource(FakePeers.class)
class PolicyGrpcTest {

    @Inject
    RouterCalls calls;

    @Test
    void aUsersNewPolicyIsStoredRecordedAndARepeatChangesNothing() {
        String projectId = calls.createProject(0.8, "cat", "dog");
        Policy policy = policy(projectId).toBuilder().setThreshold(0.9).putLabelThresholds("dog", 0.7).build();

        SetPolicyResponse response = setPolicy(projectId, policy, "dogs are easy");
        SetPolicyResponse repeat = setPolicy(projectId, policy, "again");

        assertTrue(response.getChanged());
        assertFalse(repeat.getChanged());
        Policy stored = project(projectId).getPolicy();
        assertEquals(0.9, stored.getThreshold());
        assertEquals(java.util.Map.of("dog", 0.7), stored.getLabelThresholdsMap());
        assertEquals(PolicyMode.POLICY_MODE_THRESHOLD, stored.getMode(), "UNSPECIFIED is stored as THRESHOLD");
        List<PolicyChange> history = history(projectId);
        assertEquals(1, history.size());
        PolicyChange change = history.get(0);
        assertEquals(PolicyActor.POLICY_ACTOR_USER, change.getActor());
        assertEquals("dogs are easy", change.getReason());
        assertTrue(change.getOldPolicyJson().contains("\"threshold\":0.8"), change.getOldPolicyJson());
        assertTrue(change.getOldPolicyJson().contains("\"labelThresholds\":{}"), change.getOldPolicyJson());
        assertTrue(change.getNewPolicyJson().contains("\"threshold\":0.9"), change.getNewPolicyJson());
        assertTrue(change.getNewPolicyJson().contains("\"labelThresholds\":{\"dog\":0.7}"), change.getNewPolicyJson());
        assertTrue(change.getChangedAtEpochMs() > 0);
    }

    @Test
    void itemsRoutedAfterAChangeUseEachPredictedLabelsThreshold() {
        String projectId = calls.createProject(0.95, "cat", "dog", "bird");
        FakePeers.INFERENCE.registerModel(projectId, "v1", List.of("cat", "dog", "bird"));
        setPolicy(projectId, policy(projectId).toBuilder().setThreshold(0.8)
                .putLabelThresholds("cat", 0.9).putLabelThresholds("bird", 0.6).build(), "per label");

        calls.submit(projectId, text("cat-85", "cat|0.85"), text("cat-92", "cat|0.92"), text("dog-85", "dog|0.85"),
                text("dog-75", "dog|0.75"), text("bird-65", "bird|0.65"));

        eventually(() -> assertEquals(3, calls.finalLabels(projectId)));
        eventually(() -> assertEquals(2, FakePeers.CROWD.pool(projectId).size()));
        assertEquals("MODEL", calls.finalLabel(projectId, "cat-92").get(1));
        assertEquals("MODEL", calls.finalLabel(projectId, "dog-85").get(1));
        assertEquals("MODEL", calls.finalLabel(projectId, "bird-65").get(1));
        assertTrue(FakePeers.CROWD.pool(projectId).containsKey("cat-85"), "0.85 is under cat's own 0.9");
        assertTrue(FakePeers.CROWD.pool(projectId).containsKey("dog-75"), "0.75 is under the global 0.8");
    }

    @Test
    void raiseThresholdLiftsEveryThresholdBelowItRecordsTheEvidenceAndIsIdempotent() {
        String projectId = calls.createProject(0.8, "cat", "dog");
        setPolicy(projectId, policy(projectId).toBuilder().putLabelThresholds("dog", 0.6).build(), "dogs are easy");

        RaiseThresholdResponse raised = calls.projects.raiseThreshold(raise(projectId, 0.85, "model upper bound 0.84"));
        RaiseThresholdResponse again = calls.projects.raiseThreshold(raise(projectId, 0.85, "the same report"));
        RaiseThresholdResponse lower = calls.projects.raiseThreshold(raise(projectId, 0.7, "an older report"));

        assertTrue(raised.getRaised());
        assertEquals(0.85, raised.getPolicy().getThreshold());
        assertEquals(0.85, raised.getPolicy().getMinThreshold());
        assertEquals(0.6, raised.getPolicy().getLabelThresholdsOrThrow("dog"), "kept; the floor lifts it");
        assertFalse(again.getRaised());
        assertFalse(lower.getRaised());
        assertEquals(raised.getPolicy(), lower.getPolicy());
        List<PolicyChange> history = history(projectId);
        assertEquals(2, history.size(), "the user's change and one raise");
        assertEquals(PolicyActor.POLICY_ACTOR_AUTOMATIC, history.get(1).getActor());
        assertTrue(history.get(1).getReason().contains("model upper bound 0.84"), history.get(1).getReason());
        assertTrue(history.get(1).getReason().contains("lowest effective threshold was 0.6"),
                history.get(1).getReason());
    }

    @Test
    void aRaiseAboveTheGlobalThresholdButUnderAPerLabelOneStillLiftsTheLowestLabel() {
        String projectId = calls.createProject(0.9, "cat", "dog");
        setPolicy(projectId, policy(projectId).toBuilder().putLabelThresholds("dog", 0.5).build(), "dogs");

        assertTrue(calls.projects.raiseThreshold(raise(projectId, 0.7, "dog labels slip")).getRaised());

        Policy policy = project(projectId).getPolicy();
        assertEquals(0.9, policy.getThreshold(), "already above 0.7");
        assertEquals(0.7, policy.getMinThreshold());
    }

    static Stream<Arguments> badPolicies() {
        return Stream.of(
                bad("threshold above 1", p -> p.setThreshold(1.5), "policy.threshold", "1.5"),
                bad("overlap 0", p -> p.setOverlap(0), "policy.overlap", "got 0"),
                bad("label the project lacks", p -> p.putLabelThresholds("bird", 0.9),
                        "policy.label_thresholds", "\"bird\""),
                bad("per-label threshold below 0", p -> p.putLabelThresholds("cat", -0.1),
                        "policy.label_thresholds[\"cat\"]", "-0.1"),
                bad("per-label thresholds in target mode", p -> p.setMode(PolicyMode.POLICY_MODE_TARGET_ACCURACY)
                        .setTargetAccuracy(0.9).putLabelThresholds("cat", 0.9), "policy.label_thresholds",
                        "POLICY_MODE_TARGET_ACCURACY"),
                bad("target 0 in target mode", p -> p.setMode(PolicyMode.POLICY_MODE_TARGET_ACCURACY),
                        "policy.target_accuracy", "got 0.0"),
                bad("target above 1", p -> p.setMode(PolicyMode.POLICY_MODE_TARGET_ACCURACY).setTargetAccuracy(1.2),
                        "policy.target_accuracy", "1.2"),
                bad("negative budget", p -> p.setMode(PolicyMode.POLICY_MODE_BUDGET).setBudgetPerItem(-1),
                        "policy.budget_per_item", "-1.0"),
                bad("unknown mode", p -> p.setModeValue(7), "policy.mode", "got 7"),
                bad("floor above 1", p -> p.setMinThreshold(2), "policy.min_threshold", "2.0"));
    }

    private static Arguments bad(String name, Consumer<Policy.Builder> change, String field, String value) {
        return Arguments.of(name, change, field, value);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badPolicies")
    void badPolicyIsInvalidAndNothingChanges(String name, Consumer<Policy.Builder> change, String field,
            String value) {
        String projectId = calls.createProject(0.8, "cat", "dog");
        Project before = project(projectId);
        Policy.Builder policy = before.getPolicy().toBuilder();
        change.accept(policy);

        assertFails(Status.Code.INVALID_ARGUMENT, () -> setPolicy(projectId, policy.build(), "bad"), field, value);

        assertEquals(before, project(projectId));
        assertEquals(0, policyChanges(projectId));
    }

    @Test
    void setPolicyNeedsAKnownProjectAPolicyAndAShortReason() {
        String projectId = calls.createProject(0.8, "cat", "dog");
        Policy policy = policy(projectId);
        String unknown = projectId + "-gone";

        assertFails(Status.Code.NOT_FOUND, () -> setPolicy(unknown, policy, "r"), unknown);
        assertFails(Status.Code.INVALID_ARGUMENT, () -> setPolicy("", policy, "r"), "project_id");
        assertFails(Status.Code.INVALID_ARGUMENT, () -> calls.projects.setPolicy(SetPolicyRequest.newBuilder()
                .setProjectId(projectId).build()), "policy", "missing");
        assertFails(Status.Code.INVALID_ARGUMENT, () -> setPolicy(projectId, policy.toBuilder().setThreshold(0.5)
                .build(), "r".repeat(1001)), "reason", "1001 characters");
        assertEquals(0, policyChanges(projectId));
        assertEquals(0.8, project(projectId).getPolicy().getThreshold());
    }

    @Test
    void raiseThresholdRefusesBadInputsAndChangesNothing() {
        String projectId = calls.createProject(0.8, "cat", "dog");
        String unknown = projectId + "-gone";

        assertFails(Status.Code.NOT_FOUND, () -> calls.projects.raiseThreshold(raise(unknown, 0.9, "e")), unknown);
        assertFails(Status.Code.INVALID_ARGUMENT, () -> calls.projects.raiseThreshold(raise(projectId, 1.1, "e")),
                "min_threshold", "1.1");
        assertFails(Status.Code.INVALID_ARGUMENT, () -> calls.projects.raiseThreshold(raise(projectId, -0.5, "e")),
                "min_threshold", "-0.5");
        assertFails(Status.Code.INVALID_ARGUMENT, () -> calls.projects.raiseThreshold(raise(projectId, 0.9, " ")),
                "evidence", "empty");
        assertFails(Status.Code.INVALID_ARGUMENT, () -> calls.projects.raiseThreshold(raise("", 0.9, "e")),
                "project_id");
        assertEquals(0, policyChanges(projectId));
        assertEquals(0.8, project(projectId).getPolicy().getThreshold());
    }

    @Test
    void historyOfAnUnknownProjectIsNotFoundAndOfAnUnchangedOneEmpty() {
        String projectId = calls.createProject(0.8, "cat", "dog");

        assertTrue(history(projectId).isEmpty());
        assertFails(Status.Code.NOT_FOUND, () -> history(projectId + "-gone"), projectId + "-gone");
        assertFails(Status.Code.INVALID_ARGUMENT, () -> history(""), "project_id");
    }

    @Test
    void aProjectCanBeCreatedWithPerLabelThresholds() {
        String projectId = calls.createProject(0.8, "cat", "dog");
        String second = projectId + "-2";
        Project created = calls.projects.createProject(CreateProjectRequest.newBuilder()
                .setProject(dev.centaur.router.TestSupport.project(second, 0.8, "cat", "dog")
                        .setPolicy(policy(projectId).toBuilder().putLabelThresholds("cat", 0.95)))
                .build()).getProject();

        assertEquals(0.95, created.getPolicy().getLabelThresholdsOrThrow("cat"));
        assertEquals(created, project(second));
    }

    private Policy policy(String projectId) {
        return project(projectId).getPolicy();
    }

    private Project project(String projectId) {
        return calls.projects.getProject(GetProjectRequest.newBuilder().setProjectId(projectId).build()).getProject();
    }

    private SetPolicyResponse setPolicy(String projectId, Policy policy, String reason) {
        return calls.projects.setPolicy(SetPolicyRequest.newBuilder()
                .setProjectId(projectId).setPolicy(policy).setReason(reason).build());
    }

    private List<PolicyChange> history(String projectId) {
        return calls.projects.getPolicyHistory(GetPolicyHistoryRequest.newBuilder().setProjectId(projectId).build())
                .getChangesList();
    }

    private static RaiseThresholdRequest raise(String projectId, double minThreshold, String evidence) {
        return RaiseThresholdRequest.newBuilder()
                .setProjectId(projectId).setMinThreshold(minThreshold).setEvidence(evidence).build();
    }

    private long policyChanges(String projectId) {
        return count(calls.dataSource, "SELECT count(*) FROM router.policy_change WHERE project_id = ?", projectId);
    }
}
