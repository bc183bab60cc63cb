package dev.centaur.inference.grpc;

import static dev.centaur.inference.testdata.Requests.assertStatus;
import static dev.centaur.inference.testdata.Requests.countJobs;
import static dev.centaur.inference.testdata.Requests.countVersions;
import static dev.centaur.inference.testdata.Requests.freshModelName;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.centaur.inference.service.FineTuneService;
import dev.centaur.inference.testdata.Requests;
import dev.centaur.inference.testdata.SyntheticTexts;
import dev.centaur.inference.testdata.SyntheticTexts.Example;
import dev.centaur.inference.v1.ExampleSource;
import dev.centaur.inference.v1.FineTuneRequest;
import dev.centaur.inference.v1.FineTuneResponse;
import dev.centaur.inference.v1.GetJobRequest;
import dev.centaur.inference.v1.InferenceServiceGrpc.InferenceServiceBlockingStub;
import dev.centaur.inference.v1.Job;
import dev.centaur.inference.v1.JobState;
import dev.centaur.inference.v1.LabeledExample;
import dev.centaur.inference.v1.ModelVersion;
import dev.centaur.inference.v1.PredictResponse;
import io.grpc.Status;
import io.quarkus.grpc.GrpcClient;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

@QuarkusTest
class FineTuneTest {

    private static final long JOB_TIMEOUT_MS = 120_000;

    @GrpcClient("inference")
    InferenceServiceBlockingStub inference;

    @Inject
    DataSource dataSource;

    @Inject
    FineTuneService fineTunes;

    /** Examples with sources: every third golden, every third expert, the rest crowd (labels flipped when asked). */
    private static FineTuneRequest.Builder fineTune(String name, List<Example> examples, boolean flipCrowd) {
        FineTuneRequest.Builder request = FineTuneRequest.newBuilder().setRequestId("req-" + UUID.randomUUID())
                .setModelName(name).addAllLabels(SyntheticTexts.TOPIC_LABELS);
        for (int i = 0; i < examples.size(); i++) {
            ExampleSource source = i % 3 == 0 ? ExampleSource.EXAMPLE_SOURCE_GOLDEN
                    : i % 3 == 1 ? ExampleSource.EXAMPLE_SOURCE_EXPERT : ExampleSource.EXAMPLE_SOURCE_CROWD;
            int label = examples.get(i).label();
            if (flipCrowd && source == ExampleSource.EXAMPLE_SOURCE_CROWD) {
                label = 1 - label;
            }
            request.addExamples(LabeledExample.newBuilder().setContent(Requests.content(examples.get(i).text()))
                    .setLabel(SyntheticTexts.TOPIC_LABELS.get(label)).setSource(source));
        }
        return request;
    }

    private Job job(String id) {
        return inference.getJob(GetJobRequest.newBuilder().setJobId(id).build()).getJob();
    }

    private Job awaitFinished(String id) throws InterruptedException {
        long until = System.currentTimeMillis() + JOB_TIMEOUT_MS;
        while (System.currentTimeMillis() < until) {
            Job job = job(id);
            assertTrue(job.getProgress() >= 0 && job.getProgress() <= 1, "progress " + job.getProgress());
            if (job.getState() == JobState.JOB_STATE_SUCCEEDED || job.getState() == JobState.JOB_STATE_FAILED) {
                return job;
            }
            TimeUnit.MILLISECONDS.sleep(50);
        }
        throw new AssertionError("job " + id + " did not finish: " + job(id));
    }

    private ModelVersion trainActive(String name, int count) {
        return inference.train(Requests.topics(name, count, 1).setSeed(3).build()).getModel();
    }

    private String serving(String name) {
        return inference.predict(Requests.predict(name, SyntheticTexts.topics(1, 2)).build()).getVersionId();
    }

    @Test
    void aBetterVersionIsActivatedAfterComparingOnTheSameHeldOutItems() throws Exception {
        String name = freshModelName();
        ModelVersion weak = trainActive(name, 10);
        FineTuneResponse started = inference.fineTune(fineTune(name, SyntheticTexts.topics(300, 5), false).build());
        assertFalse(started.getRepeated());
        assertEquals(name, started.getJob().getModelName());
        Job done = awaitFinished(started.getJob().getJobId());
        assertEquals(JobState.JOB_STATE_SUCCEEDED, done.getState(), done.getMessage());
        assertEquals(1.0, done.getProgress());
        assertEquals(weak.getVersionId(), done.getComparedVersionId());
        assertEquals(100, done.getGoldenExamples());
        assertEquals(100, done.getExpertExamples());
        assertEquals(100, done.getCrowdExamples());
        assertEquals(40, done.getHeldoutExamples(), "20% of the 200 golden and expert examples, crowd never held out");
        assertTrue(done.getHeldoutAccuracy() >= done.getComparedHeldoutAccuracy(), done.toString());
        assertTrue(done.getActivated(), done.toString());
        assertTrue(done.getActivationReason().contains("at least as accurate"), done.getActivationReason());
        assertEquals(done.getVersionId(), serving(name));
        assertTrue(done.getStartedAtEpochMs() >= done.getCreatedAtEpochMs());
        assertTrue(done.getFinishedAtEpochMs() >= done.getStartedAtEpochMs());
    }

    @Test
    void aWorseVersionIsStoredButNotActivatedUnlessForced() throws Exception {
        String name = freshModelName();
        ModelVersion strong = trainActive(name, 200);
        // Crowd labels flipped: the new model learns mostly the wrong topics; the golden hold-out shows it.
        Job refused = awaitFinished(inference.fineTune(fineTune(name, SyntheticTexts.topics(300, 6), true).build())
                .getJob().getJobId());
        assertEquals(JobState.JOB_STATE_SUCCEEDED, refused.getState(), refused.getMessage());
        assertFalse(refused.getActivated(), refused.toString());
        assertTrue(refused.getHeldoutAccuracy() < refused.getComparedHeldoutAccuracy(), refused.toString());
        assertTrue(refused.getActivationReason().startsWith("less accurate"), refused.getActivationReason());
        assertEquals(strong.getVersionId(), serving(name));
        assertEquals(2, countVersions(dataSource, name), "the refused version is stored, inactive");

        Job forced = awaitFinished(inference.fineTune(fineTune(name, SyntheticTexts.topics(300, 6), true)
                .setForce(true).build()).getJob().getJobId());
        assertTrue(forced.getActivated(), forced.toString());
        assertTrue(forced.getForce());
        assertTrue(forced.getActivationReason().startsWith("forced"), forced.getActivationReason());
        assertEquals(forced.getVersionId(), serving(name));
    }

    @Test
    void aRetryWithTheSameRequestIdReturnsTheSameJobAndAReusedIdWithOtherContentIsRefused() throws Exception {
        String name = freshModelName();
        FineTuneRequest request = fineTune(name, SyntheticTexts.topics(30, 7), false).build();
        FineTuneResponse first = inference.fineTune(request);
        FineTuneResponse retry = inference.fineTune(request);
        assertTrue(retry.getRepeated());
        assertEquals(first.getJob().getJobId(), retry.getJob().getJobId());
        awaitFinished(first.getJob().getJobId());
        assertTrue(inference.fineTune(request).getRepeated(), "also after the job finished");
        assertEquals(1, countVersions(dataSource, name), "one job, one version");
        assertStatus(Status.Code.ALREADY_EXISTS, () -> inference.fineTune(request.toBuilder().setForce(true).build()),
                "request_id '" + request.getRequestId() + "'", first.getJob().getJobId());
        assertEquals(1, countJobs(dataSource, request.getRequestId()));
    }

    @Test
    void predictAnswersWhileAJobRuns() throws Exception {
        String name = freshModelName();
        trainActive(name, 40);
        String jobId = inference.fineTune(fineTune(name, SyntheticTexts.topics(3000, 8), false)
                .setHoldoutFraction(0.2).build()).getJob().getJobId();
        long until = System.currentTimeMillis() + JOB_TIMEOUT_MS;
        while (job(jobId).getState() == JobState.JOB_STATE_QUEUED && System.currentTimeMillis() < until) {
            TimeUnit.MILLISECONDS.sleep(10);
        }
        assertEquals(JobState.JOB_STATE_RUNNING, job(jobId).getState());
        long started = System.nanoTime();
        PredictResponse answer = inference.withDeadlineAfter(5, TimeUnit.SECONDS)
                .predict(Requests.predict(name, SyntheticTexts.topics(20, 9)).build());
        long millis = (System.nanoTime() - started) / 1_000_000;
        assertEquals(20, answer.getPredictionsCount());
        Job during = job(jobId);
        assertEquals(JobState.JOB_STATE_RUNNING, during.getState(), "Predict answered (" + millis + " ms) while the job ran");
        awaitFinished(jobId);
    }

    @Test
    void jobsOfAStoppedProcessAreMarkedFailed() throws Exception {
        UUID id = UUID.randomUUID();
        try (Connection connection = dataSource.getConnection(); PreparedStatement insert = connection.prepareStatement(
                "insert into inference.fine_tune_job (id, request_id, request_hash, model_name, state, force,"
                        + " golden_examples, expert_examples, crowd_examples, owner, heartbeat_at, started_at)"
                        + " values (?, ?, 'x', 'test-crashed', 'RUNNING', false, 10, 0, 0, 'inference-dead',"
                        + " now() - interval '10 minutes', now() - interval '11 minutes')")) {
            insert.setObject(1, id);
            insert.setString(2, "req-" + id);
            insert.executeUpdate();
        }
        assertTrue(fineTunes.failAbandonedJobs() >= 1);
        Job failed = job(id.toString());
        assertEquals(JobState.JOB_STATE_FAILED, failed.getState());
        assertTrue(failed.getMessage().contains("stopped") && failed.getMessage().contains("new request_id"),
                failed.getMessage());
        assertTrue(failed.getFinishedAtEpochMs() > 0);
    }

    private void assertRejected(UnaryOperator<FineTuneRequest.Builder> breakIt, String... fragments) {
        String name = freshModelName();
        FineTuneRequest request = breakIt.apply(fineTune(name, SyntheticTexts.topics(30, 1), false)).build();
        assertStatus(Status.Code.INVALID_ARGUMENT, () -> inference.fineTune(request), fragments);
        assertEquals(0, countJobs(dataSource, request.getRequestId()), "nothing written");
        assertEquals(0, countVersions(dataSource, name), "nothing written");
    }

    @Test
    void badRequestsAreRefusedAndWriteNothing() {
        assertRejected(r -> r.setRequestId(""), "request_id ''");
        assertRejected(r -> r.setRequestId("has space"), "request_id 'has space'");
        assertRejected(r -> r.setModelName("Bad!"), "model_name 'Bad!'");
        assertRejected(r -> r.addLabels("sports"), "labels[2] 'sports'");
        assertRejected(r -> r.setExamples(2, r.getExamples(2).toBuilder().setLabel("politics")),
                "examples[2].label 'politics'");
        assertRejected(r -> r.setHoldoutFraction(0.95), "holdout_fraction 0.95");
        assertRejected(r -> {
            List<LabeledExample> crowd = r.getExamplesList().stream()
                    .map(e -> e.toBuilder().setSource(ExampleSource.EXAMPLE_SOURCE_CROWD).build()).toList();
            return r.clearExamples().addAllExamples(crowd);
        }, "examples", "EXAMPLE_SOURCE_CROWD");
        assertRejected(r -> r.setExamples(0, r.getExamples(0).toBuilder().setSourceValue(42)), "examples[0].source 42");
    }

    @Test
    void unknownJobsAreNotFoundAndAnEmptyIdIsInvalid() {
        String unknown = UUID.randomUUID().toString();
        assertStatus(Status.Code.NOT_FOUND, () -> job(unknown), "job_id '" + unknown + "'");
        assertStatus(Status.Code.NOT_FOUND, () -> job("not-a-uuid"), "job_id 'not-a-uuid'");
        assertStatus(Status.Code.INVALID_ARGUMENT, () -> job(""), "job_id is empty");
    }
}
