package dev.centaur.router.grpc;

import static dev.centaur.router.TestSupport.assertFails;
import static dev.centaur.router.TestSupport.count;
import static dev.centaur.router.TestSupport.eventually;
import static dev.centaur.router.TestSupport.newProjectId;
import static dev.centaur.router.TestSupport.project;
import static dev.centaur.router.TestSupport.rows;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.centaur.crowd.v1.CrowdProject;
import dev.centaur.router.TestSupport;
import dev.centaur.router.fakes.FakePeers;
import dev.centaur.router.v1.CreateProjectRequest;
import dev.centaur.router.v1.GetProjectRequest;
import dev.centaur.router.v1.ListProjectsRequest;
import dev.centaur.router.v1.Policy;
import dev.centaur.router.v1.PolicyMode;
import dev.centaur.router.v1.Project;
import dev.centaur.router.v1.ProjectServiceGrpc.ProjectServiceBlockingStub;
import io.grpc.Status;
import io.quarkus.grpc.GrpcClient;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

@QuarkusTest
@WithTestResource(FakePeers.class)
class ProjectGrpcServiceTest {

    @GrpcClient("router")
    ProjectServiceBlockingStub projects;

    @Inject
    DataSource dataSource;

    @Test
    void createdProjectIsStoredWithDefaultsAndReadBack() {
        String id = newProjectId();
        Project request = project(id, 0.8, "cat", "dog", "bird")
                .setPolicy(Policy.newBuilder().setThreshold(0.8).setOverlap(5))
                .build();

        Project created = projects.createProject(CreateProjectRequest.newBuilder().setProject(request).build())
                .getProject();

        assertEquals(0.05, created.getPolicy().getQcRate(), "qc_rate 0 means 0.05");
        assertEquals(id, created.getModelName(), "an empty model name means the project id");
        assertEquals(List.of("cat", "dog", "bird"), created.getLabelsList());
        assertTrue(created.getCreatedAtEpochMs() > 0);
        Project read = projects.getProject(GetProjectRequest.newBuilder().setProjectId(id).build()).getProject();
        assertEquals(created, read);
        assertTrue(projects.listProjects(ListProjectsRequest.getDefaultInstance()).getProjectsList().contains(read));
    }

    @Test
    void givenModelNameIsKept() {
        String id = newProjectId();
        Project created = projects.createProject(CreateProjectRequest.newBuilder()
                .setProject(project(id, 0.9, "yes", "no").setModelName("shared-model.v2")).build()).getProject();

        assertEquals("shared-model.v2", created.getModelName());
    }

    @Test
    void crowdLearnsTheProjectSettingsInTheBackground() {
        String id = newProjectId();
        projects.createProject(CreateProjectRequest.newBuilder().setProject(project(id, 0.9, "yes", "no")).build());

        eventually(() -> {
            CrowdProject pushed = FakePeers.CROWD.project(id);
            assertNotNull(pushed, "crowd got UpsertProject");
            assertEquals(List.of("yes", "no"), pushed.getLabelsList());
            assertEquals(3, pushed.getOverlap());
            assertEquals("Pick the label that fits.", pushed.getInstructions());
        });
        eventually(() -> assertEquals("true", crowdSynced(id)));
    }

    @Test
    void creationDoesNotWaitForCrowdAndTheSettingsArriveOnceCrowdIsBack() {
        String id = newProjectId();
        FakePeers.CROWD.failFor(id, Status.UNAVAILABLE);
        try {
            Project created = projects.createProject(CreateProjectRequest.newBuilder()
                    .setProject(project(id, 0.9, "yes", "no")).build()).getProject();
            assertEquals(id, created.getProjectId());

            TestSupport.pause(Duration.ofSeconds(1));
            assertNull(FakePeers.CROWD.project(id));
            assertEquals("false", crowdSynced(id), "the outbox flag stays until crowd acknowledges");
        } finally {
            FakePeers.CROWD.recover(id);
        }
        eventually(() -> assertNotNull(FakePeers.CROWD.project(id)));
        eventually(() -> assertEquals("true", crowdSynced(id)));
    }

    @Test
    void creatingATakenIdIsAlreadyExistsAndKeepsTheFirstProject() {
        String id = newProjectId();
        Project first = projects.createProject(CreateProjectRequest.newBuilder()
                .setProject(project(id, 0.9, "yes", "no")).build()).getProject();

        assertFails(Status.Code.ALREADY_EXISTS, () -> projects.createProject(CreateProjectRequest.newBuilder()
                .setProject(project(id, 0.5, "a", "b", "c").setName("Another")).build()), id);

        assertEquals(first, projects.getProject(GetProjectRequest.newBuilder().setProjectId(id).build()).getProject());
    }

    @Test
    void unknownProjectIsNotFound() {
        String id = newProjectId();
        assertFails(Status.Code.NOT_FOUND,
                () -> projects.getProject(GetProjectRequest.newBuilder().setProjectId(id).build()), id);
    }

    @Test
    void emptyProjectIdIsInvalid() {
        assertFails(Status.Code.INVALID_ARGUMENT,
                () -> projects.getProject(GetProjectRequest.getDefaultInstance()), "project_id");
    }

    static Stream<Arguments> badProjects() {
        List<String> manyLabels = IntStream.range(0, 101).mapToObj(i -> "label-" + i).toList();
        return Stream.of(
                bad("empty id", p -> p.setProjectId(""), "project.project_id", "\"\""),
                bad("upper case id", p -> p.setProjectId("Bad-Id"), "project.project_id", "Bad-Id"),
                bad("id starting with a dash", p -> p.setProjectId("-abc"), "project.project_id", "-abc"),
                bad("id of 65 characters", p -> p.setProjectId("a".repeat(65)), "project.project_id", "aaaa"),
                bad("empty name", p -> p.setName(""), "project.name", "\"\""),
                bad("blank name", p -> p.setName("   "), "project.name", "\"   \""),
                bad("name of 201 characters", p -> p.setName("n".repeat(201)), "project.name", "201 characters"),
                bad("one label", p -> p.clearLabels().addLabels("only"), "project.labels", "only"),
                bad("no labels", Project.Builder::clearLabels, "project.labels", "has 0 labels"),
                bad("101 labels", p -> p.clearLabels().addAllLabels(manyLabels), "project.labels", "has 101 labels"),
                bad("repeated label", p -> p.clearLabels().addLabels("cat").addLabels("dog").addLabels("cat"),
                        "project.labels[2]", "\"cat\""),
                bad("empty label", p -> p.clearLabels().addLabels("cat").addLabels(""), "project.labels[1]", "\"\""),
                bad("label of 101 characters", p -> p.clearLabels().addLabels("cat").addLabels("x".repeat(101)),
                        "project.labels[1]", "101 characters"),
                bad("label with a NUL", p -> p.clearLabels().addLabels("cat").addLabels("d\0g"),
                        "project.labels[1]", "d\\0g"),
                bad("instructions with a NUL", p -> p.setInstructions("a\0b"), "project.instructions", "a\\0b"),
                bad("bad model name", p -> p.setModelName("My Model"), "project.model_name", "My Model"),
                bad("no policy", Project.Builder::clearPolicy, "project.policy.overlap", "got 0"),
                bad("threshold below 0", p -> p.getPolicyBuilder().setThreshold(-0.1),
                        "project.policy.threshold", "-0.1"),
                bad("threshold above 1", p -> p.getPolicyBuilder().setThreshold(1.5),
                        "project.policy.threshold", "1.5"),
                bad("threshold NaN", p -> p.getPolicyBuilder().setThreshold(Double.NaN),
                        "project.policy.threshold", "NaN"),
                bad("overlap 0", p -> p.getPolicyBuilder().setOverlap(0), "project.policy.overlap", "got 0"),
                bad("overlap 21", p -> p.getPolicyBuilder().setOverlap(21), "project.policy.overlap", "got 21"),
                bad("qc rate above 1", p -> p.getPolicyBuilder().setQcRate(1.2), "project.policy.qc_rate", "1.2"),
                bad("qc rate below 0", p -> p.getPolicyBuilder().setQcRate(-0.2), "project.policy.qc_rate", "-0.2"),
                bad("negative crowd price", p -> p.getPolicyBuilder().setPricePerCrowdAnswer(-1),
                        "project.policy.price_per_crowd_answer", "-1.0"),
                bad("negative review price", p -> p.getPolicyBuilder().setPricePerExpertReview(-0.5),
                        "project.policy.price_per_expert_review", "-0.5"),
                bad("negative prediction price", p -> p.getPolicyBuilder().setPricePer1KPredictions(-2),
                        "project.policy.price_per_1k_predictions", "-2.0"),
                bad("infinite prediction price",
                        p -> p.getPolicyBuilder().setPricePer1KPredictions(Double.POSITIVE_INFINITY),
                        "project.policy.price_per_1k_predictions", "Infinity"),
                bad("per-label threshold for a label the project lacks",
                        p -> p.getPolicyBuilder().putLabelThresholds("bird", 0.9),
                        "project.policy.label_thresholds", "\"bird\""),
                bad("per-label threshold above 1", p -> p.getPolicyBuilder().putLabelThresholds("cat", 1.1),
                        "project.policy.label_thresholds[\"cat\"]", "1.1"),
                bad("target mode without a target",
                        p -> p.getPolicyBuilder().setMode(PolicyMode.POLICY_MODE_TARGET_ACCURACY),
                        "project.policy.target_accuracy", "got 0.0"));
    }

    private static Arguments bad(String name, Consumer<Project.Builder> change, String field, String value) {
        return Arguments.of(name, change, field, value);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badProjects")
    void badProjectIsInvalidAndNothingIsStored(String name, Consumer<Project.Builder> change, String field,
            String value) {
        String id = newProjectId();
        Project.Builder request = project(id, 0.9, "cat", "dog");
        change.accept(request);
        long projectsBefore = count(dataSource, "SELECT count(*) FROM router.project");

        assertFails(Status.Code.INVALID_ARGUMENT,
                () -> projects.createProject(CreateProjectRequest.newBuilder().setProject(request).build()),
                field, value);

        assertEquals(projectsBefore, count(dataSource, "SELECT count(*) FROM router.project"));
        assertEquals(0, count(dataSource, "SELECT count(*) FROM router.project WHERE project_id = ?",
                request.getProjectId()));
    }

    private String crowdSynced(String projectId) {
        return rows(dataSource, "SELECT crowd_synced FROM router.project WHERE project_id = ?", projectId)
                .get(0).get(0);
    }
}
