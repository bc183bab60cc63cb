package dev.centaur.router.grpc;

import static dev.centaur.router.TestSupport.assertFails;
import static dev.centaur.router.TestSupport.count;
import static dev.centaur.router.TestSupport.eventually;
import static dev.centaur.router.TestSupport.newProjectId;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.centaur.crowd.v1.CrowdProject;
import dev.centaur.router.RouterCalls;
import dev.centaur.router.TestSupport;
import dev.centaur.router.fakes.FakePeers;
import dev.centaur.router.v1.CreateProjectRequest;
import dev.centaur.router.v1.GetProjectRequest;
import dev.centaur.router.v1.Policy;
import dev.centaur.router.v1.Project;
import dev.centaur.router.v1.SetPolicyRequest;
import io.grpc.Status;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The policy's crowd settings: validated like crowd-service does, stored, and passed on in UpsertProject. */
@QuarkusTest
@WithTestResource(FakePeers.class)
class CrowdSettingsPolicyTest {

    @Inject
    RouterCalls calls;

    @Test
    void crowdSettingsOfANewProjectAreStoredAndReachCrowd() {
        String projectId = newProjectId();
        Project.Builder project = TestSupport.project(projectId, 0.8, "cat", "dog");
        project.getPolicyBuilder().setAggregationMethod("GLAD").setMaxOverlap(7).setConfidenceTarget(0.95)
                .setControlRate(0.1).setMinSkill(0.6);

        Project created = calls.projects.createProject(CreateProjectRequest.newBuilder().setProject(project).build())
                .getProject();

        Policy stored = project(projectId).getPolicy();
        assertEquals(created.getPolicy(), stored);
        assertEquals("GLAD", stored.getAggregationMethod());
        assertEquals(7, stored.getMaxOverlap());
        assertEquals(0.95, stored.getConfidenceTarget());
        assertEquals(0.1, stored.getControlRate());
        assertEquals(0.6, stored.getMinSkill());
        eventually(() -> assertCrowdHas(projectId, 3, "GLAD", 7, 0.95, 0.1, 0.6));
    }

    @Test
    void aSetPolicyChangingCrowdSettingsStoresThemAndPushesThemToCrowdAgain() {
        String projectId = calls.createProject(0.8, "cat", "dog");
        eventually(() -> assertCrowdHas(projectId, 3, "", 0, 0, 0, 0));
        Policy changed = project(projectId).getPolicy().toBuilder().setOverlap(2).setAggregationMethod("DS+model")
                .setMaxOverlap(5).setConfidenceTarget(0.9).setControlRate(0.2).setMinSkill(0.5).build();

        assertTrue(setPolicy(projectId, changed).getChanged());

        assertEquals(changed, project(projectId).getPolicy());
        eventually(() -> assertCrowdHas(projectId, 2, "DS+model", 5, 0.9, 0.2, 0.5));
    }

    static Stream<Arguments> badCrowdSettings() {
        return Stream.of(
                bad("unknown aggregation method", p -> p.setAggregationMethod("majority"),
                        "policy.aggregation_method", "\"majority\""),
                bad("aggregation method in the wrong case", p -> p.setAggregationMethod("ds"),
                        "policy.aggregation_method", "\"ds\""),
                bad("max_overlap under overlap", p -> p.setMaxOverlap(2), "policy.max_overlap", "got 2"),
                bad("max_overlap above 20", p -> p.setMaxOverlap(21), "policy.max_overlap", "got 21"),
                bad("negative max_overlap", p -> p.setMaxOverlap(-1), "policy.max_overlap", "got -1"),
                bad("confidence_target above 1", p -> p.setConfidenceTarget(1.2), "policy.confidence_target", "1.2"),
                bad("negative confidence_target", p -> p.setConfidenceTarget(-0.1), "policy.confidence_target",
                        "-0.1"),
                bad("control_rate 1", p -> p.setControlRate(1), "policy.control_rate", "got 1.0"),
                bad("negative control_rate", p -> p.setControlRate(-0.2), "policy.control_rate", "-0.2"),
                bad("min_skill above 1", p -> p.setMinSkill(1.5), "policy.min_skill", "1.5"),
                bad("min_skill NaN", p -> p.setMinSkill(Double.NaN), "policy.min_skill", "NaN"));
    }

    private static Arguments bad(String name, Consumer<Policy.Builder> change, String field, String value) {
        return Arguments.of(name, change, field, value);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badCrowdSettings")
    void aBadCrowdSettingRefusesCreateProjectAndWritesNothing(String name, Consumer<Policy.Builder> change,
            String field, String value) {
        String projectId = newProjectId();
        Project.Builder project = TestSupport.project(projectId, 0.8, "cat", "dog");
        change.accept(project.getPolicyBuilder());

        assertFails(Status.Code.INVALID_ARGUMENT, () -> calls.projects.createProject(CreateProjectRequest.newBuilder()
                .setProject(project).build()), "project." + field, value);

        assertEquals(0, count(calls.dataSource, "SELECT count(*) FROM router.project WHERE project_id = ?",
                projectId));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badCrowdSettings")
    void aBadCrowdSettingRefusesSetPolicyAndChangesNothing(String name, Consumer<Policy.Builder> change,
            String field, String value) {
        String projectId = calls.createProject(0.8, "cat", "dog");
        Project before = project(projectId);
        Policy.Builder policy = before.getPolicy().toBuilder();
        change.accept(policy);

        assertFails(Status.Code.INVALID_ARGUMENT, () -> setPolicy(projectId, policy.build()), field, value);

        assertEquals(before, project(projectId));
        assertEquals(0, count(calls.dataSource, "SELECT count(*) FROM router.policy_change WHERE project_id = ?",
                projectId));
    }

    @Test
    void maxOverlapMayEqualOverlapOrTwentyAndEveryCrowdMethodIsAccepted() {
        String projectId = calls.createProject(0.8, "cat", "dog");
        Policy policy = project(projectId).getPolicy();

        for (String method : new String[] {"MV", "Wawa", "DS", "GLAD", "OneCoinDS", "DS+model", ""}) {
            setPolicy(projectId, policy.toBuilder().setAggregationMethod(method).setMaxOverlap(3).build());
            assertEquals(method, project(projectId).getPolicy().getAggregationMethod());
        }
        setPolicy(projectId, policy.toBuilder().setMaxOverlap(20).setControlRate(0.99).setMinSkill(1)
                .setConfidenceTarget(1).build());
        assertEquals(20, project(projectId).getPolicy().getMaxOverlap());
    }

    private static void assertCrowdHas(String projectId, int overlap, String method, int maxOverlap,
            double confidenceTarget, double controlRate, double minSkill) {
        CrowdProject pushed = FakePeers.CROWD.project(projectId);
        assertNotNull(pushed, "crowd has not received " + projectId);
        assertEquals(overlap, pushed.getOverlap());
        assertEquals(method, pushed.getAggregationMethod());
        assertEquals(maxOverlap, pushed.getMaxOverlap());
        assertEquals(confidenceTarget, pushed.getConfidenceTarget());
        assertEquals(controlRate, pushed.getControlRate());
        assertEquals(minSkill, pushed.getMinSkill());
    }

    private Project project(String projectId) {
        return calls.projects.getProject(GetProjectRequest.newBuilder().setProjectId(projectId).build()).getProject();
    }

    private dev.centaur.router.v1.SetPolicyResponse setPolicy(String projectId, Policy policy) {
        return calls.projects.setPolicy(SetPolicyRequest.newBuilder()
                .setProjectId(projectId).setPolicy(policy).setReason("crowd settings").build());
    }
}
