package dev.centaur.router.service;

import static dev.centaur.router.TestSupport.eventually;
import static dev.centaur.router.TestSupport.pair;
import static dev.centaur.router.TestSupport.text;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.centaur.common.v1.LabelSource;
import dev.centaur.crowd.v1.CrowdItem;
import dev.centaur.qc.v1.OfferRequest;
import dev.centaur.qc.v1.OfferedLabel;
import dev.centaur.router.RouterCalls;
import dev.centaur.router.fakes.FakePeers;
import dev.centaur.router.v1.GetProgressResponse;
import dev.centaur.router.v1.SubmittedItem;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** An item's whole life through router, with the three peers faked. */
@QuarkusTest
@WithTestResource(FakePeers.class)
class RoutingFlowTest {

    private static final double DELTA = 1e-9;

    @Inject
    RouterCalls calls;

    @Inject
    ModelRouting routing;

    @Test
    void confidentItemsGetModelLabelsOthersGoToCrowdAndEveryFinalLabelReachesQc() {
        String projectId = calls.createProject(0.8, "cat", "dog", "bird");
        // The model lists the labels in another order: router must match them by name.
        FakePeers.INFERENCE.registerModel(projectId, "v1", List.of("bird", "cat", "dog"));

        calls.submit(projectId,
                text("m-1", "cat|0.95"),
                pair("m-2", "dog|0.9", "the other side"),
                text("c-1", "cat|0.6"),
                text("c-2", "no idea"));

        eventually(() -> assertEquals(2, FakePeers.CROWD.pool(projectId).size()));
        assertEquals(List.of("cat", "MODEL", "0.95", "v1", "0", "null"), calls.finalLabel(projectId, "m-1"));
        assertEquals(List.of("dog", "MODEL", "0.9", "v1", "0", "null"), calls.finalLabel(projectId, "m-2"));
        CrowdItem unsure = FakePeers.CROWD.pool(projectId).get("c-1");
        assertEquals("cat|0.6", unsure.getContent().getText());
        assertDistribution(new double[] {0.6, 0.2, 0.2}, unsure.getModelProbabilitiesList());
        assertDistribution(new double[] {1 / 3.0, 1 / 3.0, 1 / 3.0},
                FakePeers.CROWD.pool(projectId).get("c-2").getModelProbabilitiesList());
        eventually(() -> assertEquals(2, calls.itemsInStatus(projectId, "WITH_CROWD")));
        assertFalse(FakePeers.CROWD.enqueuesBeforeUpsert().contains(projectId), "settings go before items");
        assertEquals(1, FakePeers.INFERENCE.callsFor(projectId).size(), "one Predict call for the batch");

        GetProgressResponse midway = calls.progress(projectId);
        assertEquals(4, midway.getItems());
        assertEquals(0, midway.getAwaitingModel());
        assertEquals(2, midway.getWithCrowd());
        assertEquals(2, midway.getLabeled());
        assertEquals(4, midway.getModelPredictions());

        assertTrue(calls.report(projectId, "c-1", "dog", 0.8, 3, LabelSource.LABEL_SOURCE_CROWD));
        assertTrue(calls.report(projectId, "c-2", "bird", 0.7, 5, LabelSource.LABEL_SOURCE_HYBRID));
        assertEquals(List.of("dog", "CROWD", "0.8", "v1", "3", "DS"), calls.finalLabel(projectId, "c-1"));
        assertEquals(List.of("bird", "HYBRID", "0.7", "v1", "5", "DS"), calls.finalLabel(projectId, "c-2"));

        eventually(() -> assertEquals(4, FakePeers.QC.offered(projectId).size()));
        OfferRequest offer = FakePeers.QC.callsFor(projectId).get(0);
        assertEquals(List.of("cat", "dog", "bird"), offer.getLabelsList());
        assertEquals(0.2, offer.getQcRate(), DELTA);
        Map<String, OfferedLabel> offered = FakePeers.QC.offered(projectId);
        assertOffered(offered.get("m-1"), "cat|0.95", "cat", LabelSource.LABEL_SOURCE_MODEL, 0.95);
        assertOffered(offered.get("c-1"), "cat|0.6", "dog", LabelSource.LABEL_SOURCE_CROWD, 0.8);
        assertOffered(offered.get("c-2"), "no idea", "bird", LabelSource.LABEL_SOURCE_HYBRID, 0.7);
        assertEquals("dog|0.9", offered.get("m-2").getContent().getTextA());
        assertEquals("the other side", offered.get("m-2").getContent().getTextB());

        eventually(() -> assertEquals(4, calls.progress(projectId).getOfferedToQc()));
        GetProgressResponse done = calls.progress(projectId);
        assertEquals(4, done.getItems());
        assertEquals(0, done.getAwaitingModel());
        assertEquals(0, done.getWithCrowd());
        assertEquals(4, done.getLabeled());
        assertEquals(Map.of("MODEL", 2L, "CROWD", 1L, "HYBRID", 1L, "EXPERT", 0L), done.getLabeledBySourceMap());
        assertEquals(8, done.getCrowdAnswers());
        assertEquals(4, done.getModelPredictions());
    }

    @Test
    void withoutAModelItemsGoToCrowdWithoutADistribution() {
        String projectId = calls.createProject(0.8, "yes", "no");

        calls.submit(projectId, text("n-1", "yes|0.99"), text("n-2", "anything"));

        eventually(() -> assertEquals(2, FakePeers.CROWD.pool(projectId).size()));
        assertTrue(FakePeers.CROWD.pool(projectId).get("n-1").getModelProbabilitiesList().isEmpty());
        eventually(() -> assertEquals(2, calls.itemsInStatus(projectId, "WITH_CROWD")));
        assertEquals(0, calls.progress(projectId).getModelPredictions());

        assertTrue(calls.report(projectId, "n-1", "no", 1.0, 2, LabelSource.LABEL_SOURCE_CROWD));
        assertEquals(List.of("no", "CROWD", "1.0", "null", "2", "DS"), calls.finalLabel(projectId, "n-1"));
        eventually(() -> assertEquals("", FakePeers.QC.offered(projectId).get("n-1").getModelVersion()));
    }

    @Test
    void thresholdZeroAcceptsEveryModelLabel() {
        String projectId = calls.createProject(0, "yes", "no");
        FakePeers.INFERENCE.registerModel(projectId, "v7", List.of("yes", "no"));

        calls.submit(projectId, text("z-1", "uniform text"));

        eventually(() -> assertEquals(List.of("yes", "MODEL", "0.5", "v7", "0", "null"),
                calls.finalLabel(projectId, "z-1")));
    }

    @Test
    void manyItemsArePredictedInBatchesOfTheConfiguredSize() {
        String projectId = calls.createProject(0.5, "yes", "no");
        FakePeers.INFERENCE.registerModel(projectId, "v1", List.of("yes", "no"));
        calls.submit(projectId, IntStream.range(0, 600)
                .mapToObj(i -> text(String.format("bulk-%04d", i), "yes|0.9"))
                .toArray(SubmittedItem[]::new));

        eventually(() -> assertEquals(600, calls.finalLabels(projectId)));
        assertTrue(FakePeers.INFERENCE.callsFor(projectId).size() >= 3);
        FakePeers.INFERENCE.callsFor(projectId)
                .forEach(call -> assertTrue(call.getItemsCount() <= 256, "batch of " + call.getItemsCount()));
        assertEquals(600, FakePeers.INFERENCE.callsFor(projectId).stream().mapToInt(c -> c.getItemsCount()).sum(),
                "every item predicted once");
    }

    @Test
    void workersRunningSideBySideNeverPredictAnItemTwice() throws Exception {
        String projectId = calls.createProject(0.5, "yes", "no");
        calls.submit(projectId, IntStream.range(0, 1000)
                .mapToObj(i -> text(String.format("side-%04d", i), "yes|0.9"))
                .toArray(SubmittedItem[]::new));
        // Registered after the submit, so the replicas below race the scheduled worker from the start.
        FakePeers.INFERENCE.registerModel(projectId, "v1", List.of("yes", "no"));

        ExecutorService replicas = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> runs = IntStream.range(0, 4).mapToObj(replica -> replicas.submit(() -> {
                while (routing.routeNextBatch()) {
                    Thread.yield();
                }
            })).collect(Collectors.toList());
            for (Future<?> run : runs) {
                run.get();
            }
        } finally {
            replicas.shutdownNow();
        }

        eventually(() -> assertEquals(1000, calls.finalLabels(projectId)));
        List<String> predicted = FakePeers.INFERENCE.callsFor(projectId).stream()
                .flatMap(call -> call.getItemsList().stream())
                .map(item -> item.getItemId())
                .toList();
        assertEquals(1000, predicted.size(), "each item predicted once");
        assertEquals(1000, new HashSet<>(predicted).size());
    }

    private static void assertDistribution(double[] expected, List<Double> actual) {
        assertArrayEquals(expected, actual.stream().mapToDouble(Double::doubleValue).toArray(), 1e-6);
    }

    private static void assertOffered(OfferedLabel offered, String text, String label, LabelSource source,
            double confidence) {
        assertNotNull(offered);
        assertEquals(text, offered.getContent().getText());
        assertEquals(label, offered.getLabel());
        assertEquals(source, offered.getSource());
        assertEquals(confidence, offered.getConfidence(), DELTA);
        assertEquals("v1", offered.getModelVersion());
    }
}
