package dev.centaur.router.grpc;

import static dev.centaur.router.TestSupport.assertFails;
import static dev.centaur.router.TestSupport.eventually;
import static dev.centaur.router.TestSupport.rows;
import static dev.centaur.router.TestSupport.text;
import static dev.centaur.router.grpc.GoldenItemsTest.TEST_HOLDOUT_SHARE;
import static dev.centaur.router.grpc.GoldenItemsTest.golden;
import static dev.centaur.router.grpc.GoldenItemsTest.holdoutIds;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.centaur.common.v1.LabelSource;
import dev.centaur.inference.v1.ExampleSource;
import dev.centaur.inference.v1.FineTuneRequest;
import dev.centaur.inference.v1.JobState;
import dev.centaur.inference.v1.LabeledExample;
import dev.centaur.router.RouterCalls;
import dev.centaur.router.curve.GoldenSplit;
import dev.centaur.router.fakes.FakePeers;
import dev.centaur.router.v1.AddGoldenItemsRequest;
import dev.centaur.router.v1.GetFineTuneJobRequest;
import dev.centaur.router.v1.StartFineTuneRequest;
import dev.centaur.router.v1.StartFineTuneResponse;
import io.grpc.Status;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * StartFineTune and GetFineTuneJob: router collects the project's labeled examples and starts
 * inference's FineTune (the in-test inference queues a job per request id like the real one).
 */
@QuarkusTest
@WithTestResource(FakePeers.class)
class FineTuneTest {

    @Inject
    RouterCalls calls;

    /**
     * Golden items: two held out, two for training (one with a project twin); items m-0 (confirmed by
     * qc) and m-1 (corrected to "no") labeled by the model; c-0 and c-1 by the crowd.
     */
    private String projectWithLabels(List<String> training) {
        String projectId = calls.createProject(0.8, "yes", "no");
        FakePeers.INFERENCE.registerModel(projectId, "v1", List.of("yes", "no"));
        List<String> heldOut = holdoutIds("h", 2);
        calls.router.addGoldenItems(AddGoldenItemsRequest.newBuilder().setProjectId(projectId)
                .addItems(golden(heldOut.get(0), "held out 0", "yes")).addItems(golden(heldOut.get(1), "held out 1", "no"))
                .addItems(golden(training.get(0), "training 0", "no")).addItems(golden(training.get(1), "training 1", "yes"))
                .build());
        calls.submit(projectId, text("m-0", "yes|0.9"), text("m-1", "yes|0.9"), text("c-0", "yes|0.6"),
                text("c-1", "yes|0.6"), text(training.get(0), "yes|0.6"));
        eventually(() -> assertEquals(3, calls.itemsInStatus(projectId, "WITH_CROWD")));
        calls.report(projectId, "c-0", "no", 0.9, 3, LabelSource.LABEL_SOURCE_CROWD);
        calls.report(projectId, "c-1", "yes", 0.8, 3, LabelSource.LABEL_SOURCE_HYBRID);
        calls.report(projectId, training.get(0), "yes", 0.8, 3, LabelSource.LABEL_SOURCE_CROWD);
        eventually(() -> assertEquals(5, FakePeers.QC.offered(projectId).size()));
        FakePeers.QC.addVerdict(projectId, "m-0", "yes", LabelSource.LABEL_SOURCE_MODEL, "yes", 1);
        FakePeers.QC.addCorrection(projectId, "m-1", "yes", "no", 1);
        eventually(() -> assertEquals("CONFIRMED", rows(calls.dataSource, "SELECT qc_verdict FROM router.final_label"
                + " WHERE project_id = ? AND item_id = 'm-0'", projectId).get(0).get(0)));
        eventually(() -> assertEquals("EXPERT", calls.finalLabel(projectId, "m-1").get(1)));
        return projectId;
    }

    private static List<String> trainingIds(String prefix) {
        return IntStream.range(0, 100).mapToObj(i -> prefix + "-" + i)
                .filter(id -> !GoldenSplit.isHoldout(id, TEST_HOLDOUT_SHARE)).limit(2).toList();
    }

    private StartFineTuneResponse start(String projectId, String requestId, boolean withoutCrowd) {
        return calls.projects.startFineTune(StartFineTuneRequest.newBuilder().setProjectId(projectId)
                .setRequestId(requestId).setExcludeCrowdLabels(withoutCrowd).setHoldoutFraction(0.25).setSeed(7)
                .build());
    }

    private static List<String> examples(FineTuneRequest request) {
        return request.getExamplesList().stream().map(example -> example.getSource().name()
                .replace("EXAMPLE_SOURCE_", "") + " " + example.getContent().getText() + " " + example.getLabel())
                .toList();
    }

    @Test
    void goldenTrainingItemsExpertAndCrowdLabelsGoToFineTuneAndTheJobIsAnswered() {
        List<String> training = trainingIds("ft-a");
        String projectId = projectWithLabels(training);

        StartFineTuneResponse response = start(projectId, "run-1", false);

        assertEquals(List.of(2L, 2L, 2L), List.of(response.getGoldenExamples(), response.getExpertExamples(),
                response.getCrowdExamples()));
        assertFalse(response.getRepeated());
        assertEquals(JobState.JOB_STATE_QUEUED, response.getJob().getState());
        assertEquals("job-" + projectId + ":run-1", response.getJob().getJobId());
        FineTuneRequest sent = FakePeers.INFERENCE.fineTuneCallsFor(projectId).get(0);
        assertEquals(projectId + ":run-1", sent.getRequestId());
        assertEquals(List.of("yes", "no"), sent.getLabelsList());
        assertEquals(0.25, sent.getHoldoutFraction(), 0);
        assertEquals(7, sent.getSeed());
        // Held-out golden items never; the twin only as its golden item; each label with its origin.
        assertEquals(List.of("GOLDEN training 0 no", "GOLDEN training 1 yes", "EXPERT yes|0.9 yes",
                "EXPERT yes|0.9 no", "CROWD yes|0.6 no", "CROWD yes|0.6 yes"), examples(sent));

        StartFineTuneResponse repeat = start(projectId, "run-1", false);
        assertTrue(repeat.getRepeated());
        assertEquals(response.getJob(), repeat.getJob());

        StartFineTuneResponse withoutCrowd = start(projectId, "run-2", true);
        assertEquals(0, withoutCrowd.getCrowdExamples());
        assertTrue(examples(FakePeers.INFERENCE.fineTuneCallsFor(projectId).get(2)).stream()
                .noneMatch(example -> example.startsWith("CROWD")));

        assertEquals(response.getJob(), calls.projects.getFineTuneJob(GetFineTuneJobRequest.newBuilder()
                .setProjectId(projectId).setJobId(response.getJob().getJobId()).build()).getJob());
    }

    @Test
    void badRequestsAreRefusedNamingTheFieldAndReachNoModel() {
        String projectId = calls.createProject(0.8, "yes", "no");
        String unknown = projectId + "-gone";

        assertFails(Status.Code.INVALID_ARGUMENT, () -> start("", "r", false), "project_id");
        assertFails(Status.Code.NOT_FOUND, () -> start(unknown, "r", false), unknown);
        assertFails(Status.Code.INVALID_ARGUMENT, () -> start(projectId, "", false), "request_id");
        assertFails(Status.Code.INVALID_ARGUMENT, () -> start(projectId, "has space", false), "request_id",
                "\"has space\"");
        assertFails(Status.Code.INVALID_ARGUMENT, () -> start(projectId, "x".repeat(64), false), "request_id");
        for (double holdout : new double[] {1.0, -0.1, Double.NaN}) {
            assertFails(Status.Code.INVALID_ARGUMENT, () -> calls.projects.startFineTune(StartFineTuneRequest
                    .newBuilder().setProjectId(projectId).setRequestId("r").setHoldoutFraction(holdout).build()),
                    "holdout_fraction", String.valueOf(holdout));
        }
        assertFails(Status.Code.FAILED_PRECONDITION, () -> start(projectId, "r", false), "no labeled examples");
        assertEquals(0, FakePeers.INFERENCE.fineTuneCallsFor(projectId).size());
        assertFails(Status.Code.INVALID_ARGUMENT, () -> calls.projects.getFineTuneJob(GetFineTuneJobRequest
                .newBuilder().setProjectId(projectId).build()), "job_id");
        assertFails(Status.Code.NOT_FOUND, () -> calls.projects.getFineTuneJob(GetFineTuneJobRequest.newBuilder()
                .setProjectId(projectId).setJobId("job-none").build()), "job-none");
    }

    @Test
    void inferenceRefusalsKeepTheirMeaningAndAnotherProjectsJobIsNotFound() {
        String projectId = projectWithLabels(trainingIds("ft-b"));
        String other = calls.createProject(0.8, "yes", "no");
        String jobId = start(projectId, "run-1", false).getJob().getJobId();

        assertFails(Status.Code.NOT_FOUND, () -> calls.projects.getFineTuneJob(GetFineTuneJobRequest.newBuilder()
                .setProjectId(other).setJobId(jobId).build()), jobId, other);
        assertFails(Status.Code.ALREADY_EXISTS, () -> start(projectId, "run-1", true), "run-1");
        FakePeers.INFERENCE.failFor(projectId, Status.UNAVAILABLE.withDescription("inference restarting"));
        try {
            assertFails(Status.Code.UNAVAILABLE, () -> start(projectId, "run-3", false), "inference restarting");
        } finally {
            FakePeers.INFERENCE.recover(projectId);
        }
        LabeledExample first = FakePeers.INFERENCE.fineTuneCallsFor(projectId).get(0).getExamples(0);
        assertEquals(ExampleSource.EXAMPLE_SOURCE_GOLDEN, first.getSource());
    }
}
