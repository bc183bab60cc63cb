package dev.centaur.router.grpc;

import static dev.centaur.router.TestSupport.assertFails;
import static dev.centaur.router.TestSupport.eventually;
import static dev.centaur.router.TestSupport.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.centaur.common.v1.LabelSource;
import dev.centaur.router.RouterCalls;
import dev.centaur.router.fakes.FakePeers;
import dev.centaur.router.v1.ReportCrowdResultRequest;
import io.grpc.Status;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

@QuarkusTest
@WithTestResource(FakePeers.class)
class ReportCrowdResultTest {

    @Inject
    RouterCalls calls;

    /** A project without a model whose one item is with the crowd. */
    private String projectWithItemAtCrowd(String itemId) {
        String projectId = calls.createProject(0.9, "yes", "no", "maybe");
        calls.submit(projectId, text(itemId, "some text"));
        eventually(() -> assertEquals("WITH_CROWD", calls.status(projectId, itemId)));
        return projectId;
    }

    @Test
    void crowdResultBecomesTheFinalLabel() {
        String projectId = projectWithItemAtCrowd("r-1");

        assertTrue(calls.report(projectId, "r-1", "maybe", 0.75, 4, LabelSource.LABEL_SOURCE_HYBRID));

        assertEquals(List.of("maybe", "HYBRID", "0.75", "null", "4", "DS"), calls.finalLabel(projectId, "r-1"));
        assertEquals("LABELED", calls.status(projectId, "r-1"));
        assertEquals(4, calls.progress(projectId).getCrowdAnswers());
    }

    @Test
    void repeatedResultIsNotRecordedAndChangesNothing() {
        String projectId = projectWithItemAtCrowd("r-2");
        assertTrue(calls.report(projectId, "r-2", "yes", 0.9, 3, LabelSource.LABEL_SOURCE_CROWD));
        List<String> first = calls.finalLabel(projectId, "r-2");

        assertFalse(calls.report(projectId, "r-2", "yes", 0.9, 3, LabelSource.LABEL_SOURCE_CROWD));
        assertFalse(calls.report(projectId, "r-2", "no", 0.6, 5, LabelSource.LABEL_SOURCE_HYBRID));

        assertEquals(first, calls.finalLabel(projectId, "r-2"));
        assertEquals(1, calls.finalLabels(projectId));
        assertEquals(3, calls.progress(projectId).getCrowdAnswers());
    }

    @Test
    void resultForAnItemTheModelLabeledIsNotRecorded() {
        String projectId = calls.createProject(0.5, "yes", "no");
        FakePeers.INFERENCE.registerModel(projectId, "v1", List.of("yes", "no"));
        calls.submit(projectId, text("m-1", "yes|0.9"));
        eventually(() -> assertEquals("LABELED", calls.status(projectId, "m-1")));

        assertFalse(calls.report(projectId, "m-1", "no", 0.9, 3, LabelSource.LABEL_SOURCE_CROWD));

        assertEquals(List.of("yes", "MODEL", "0.9", "v1", "0", "null"), calls.finalLabel(projectId, "m-1"));
    }

    @Test
    void concurrentResultsForOneItemRecordExactlyOneFinalLabel() throws Exception {
        String projectId = projectWithItemAtCrowd("race");
        List<String> labels = List.of("yes", "no", "maybe", "yes", "no", "maybe", "yes", "no");
        ExecutorService pool = Executors.newFixedThreadPool(labels.size());
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Boolean>> outcomes = new ArrayList<>();
            for (int i = 0; i < labels.size(); i++) {
                String label = labels.get(i);
                int answers = i + 1;
                outcomes.add(pool.submit(() -> {
                    start.await();
                    return calls.report(projectId, "race", label, 0.8, answers, LabelSource.LABEL_SOURCE_CROWD);
                }));
            }
            start.countDown();
            List<Integer> recorded = new ArrayList<>();
            for (int i = 0; i < outcomes.size(); i++) {
                if (outcomes.get(i).get()) {
                    recorded.add(i);
                }
            }

            assertEquals(1, recorded.size(), "exactly one report is recorded");
            int winner = recorded.get(0);
            assertEquals(1, calls.finalLabels(projectId));
            assertEquals(List.of(labels.get(winner), "CROWD", "0.8", "null", String.valueOf(winner + 1), "DS"),
                    calls.finalLabel(projectId, "race"));
        } finally {
            pool.shutdownNow();
        }
    }

    static Stream<Arguments> badResults() {
        return Stream.of(
                bad("empty project id", r -> r.setProjectId(""), Status.Code.INVALID_ARGUMENT, "project_id"),
                bad("empty item id", r -> r.setItemId(""), Status.Code.INVALID_ARGUMENT, "item_id"),
                bad("unknown item", r -> r.setItemId("nope"), Status.Code.NOT_FOUND, "\"nope\""),
                bad("empty label", r -> r.setLabel(""), Status.Code.INVALID_ARGUMENT, "label"),
                bad("label not in the project", r -> r.setLabel("perhaps"), Status.Code.INVALID_ARGUMENT,
                        "label", "\"perhaps\""),
                bad("confidence 0", r -> r.setConfidence(0), Status.Code.INVALID_ARGUMENT, "confidence", "0.0"),
                bad("confidence above 1", r -> r.setConfidence(1.01), Status.Code.INVALID_ARGUMENT,
                        "confidence", "1.01"),
                bad("negative confidence", r -> r.setConfidence(-0.5), Status.Code.INVALID_ARGUMENT,
                        "confidence", "-0.5"),
                bad("confidence NaN", r -> r.setConfidence(Double.NaN), Status.Code.INVALID_ARGUMENT,
                        "confidence", "NaN"),
                bad("no answers", r -> r.setAnswersUsed(0), Status.Code.INVALID_ARGUMENT, "answers_used", "0"),
                bad("negative answers", r -> r.setAnswersUsed(-3), Status.Code.INVALID_ARGUMENT,
                        "answers_used", "-3"),
                bad("source MODEL", r -> r.setSource(LabelSource.LABEL_SOURCE_MODEL), Status.Code.INVALID_ARGUMENT,
                        "source", "LABEL_SOURCE_MODEL"),
                bad("source EXPERT", r -> r.setSource(LabelSource.LABEL_SOURCE_EXPERT),
                        Status.Code.INVALID_ARGUMENT, "source", "LABEL_SOURCE_EXPERT"),
                bad("source unspecified", r -> r.setSource(LabelSource.LABEL_SOURCE_UNSPECIFIED),
                        Status.Code.INVALID_ARGUMENT, "source", "LABEL_SOURCE_UNSPECIFIED"),
                bad("unknown source number", r -> r.setSourceValue(42), Status.Code.INVALID_ARGUMENT,
                        "source", "42"),
                bad("method with a NUL", r -> r.setMethod("M\0V"), Status.Code.INVALID_ARGUMENT, "method", "M\\0V"));
    }

    private static Arguments bad(String name, Consumer<ReportCrowdResultRequest.Builder> change, Status.Code code,
            String... fragments) {
        return Arguments.of(name, change, code, fragments);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badResults")
    void badResultIsRefusedAndNothingIsWritten(String name, Consumer<ReportCrowdResultRequest.Builder> change,
            Status.Code code, String[] fragments) {
        String projectId = projectWithItemAtCrowd("b-1");
        ReportCrowdResultRequest.Builder request = ReportCrowdResultRequest.newBuilder()
                .setProjectId(projectId)
                .setItemId("b-1")
                .setLabel("yes")
                .setConfidence(0.8)
                .setAnswersUsed(3)
                .setMethod("MV")
                .setSource(LabelSource.LABEL_SOURCE_CROWD);
        change.accept(request);

        assertFails(code, () -> calls.router.reportCrowdResult(request.build()), fragments);

        assertEquals(0, calls.finalLabels(projectId));
        assertEquals("WITH_CROWD", calls.status(projectId, "b-1"));
    }

    @Test
    void resultForAnUnknownProjectIsNotFound() {
        String projectId = "t-unknown-" + System.nanoTime();
        assertFails(Status.Code.NOT_FOUND, () -> calls.report(projectId, "x", "yes", 0.8, 3,
                LabelSource.LABEL_SOURCE_CROWD), projectId);
    }
}
