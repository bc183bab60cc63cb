package dev.centaur.router.service;

import static dev.centaur.router.TestSupport.eventually;
import static dev.centaur.router.TestSupport.pause;
import static dev.centaur.router.TestSupport.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.centaur.common.v1.LabelSource;
import dev.centaur.router.RouterCalls;
import dev.centaur.router.fakes.FakePeers;
import io.grpc.Status;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What router does while a peer is down or answers something it cannot use. */
@QuarkusTest
@WithTestResource(FakePeers.class)
class PeerOutageTest {

    /** Several worker runs and retry pauses (test profile: 100 ms runs, 300 ms pauses). */
    private static final Duration SOME_ROUNDS = Duration.ofMillis(1500);

    @Inject
    RouterCalls calls;

    @Test
    void itemsStayNewWhileInferenceIsUnavailableAndAreRoutedOnceItIsBack() {
        String projectId = calls.createProject(0.8, "yes", "no");
        FakePeers.INFERENCE.registerModel(projectId, "v1", List.of("yes", "no"));
        FakePeers.INFERENCE.failFor(projectId, Status.UNAVAILABLE.withDescription("restarting"));
        try {
            calls.submit(projectId, text("u-1", "yes|0.9"), text("u-2", "no|0.6"));

            eventually(() -> assertTrue(FakePeers.INFERENCE.callsFor(projectId).size() >= 2, "retried"));
            pause(SOME_ROUNDS);
            assertEquals(2, calls.itemsInStatus(projectId, "NEW"));
            assertEquals(2, calls.progress(projectId).getAwaitingModel());
        } finally {
            FakePeers.INFERENCE.recover(projectId);
        }

        eventually(() -> assertEquals(List.of("yes", "MODEL", "0.9", "v1", "0", "null"),
                calls.finalLabel(projectId, "u-1")));
        eventually(() -> assertEquals("WITH_CROWD", calls.status(projectId, "u-2")));
    }

    @Test
    void itemsStayNewWhileInferenceTimesOut() {
        String projectId = calls.createProject(0.8, "yes", "no");
        FakePeers.INFERENCE.registerModel(projectId, "v1", List.of("yes", "no"));
        FakePeers.INFERENCE.failFor(projectId, Status.DEADLINE_EXCEEDED);
        try {
            calls.submit(projectId, text("d-1", "yes|0.9"));

            eventually(() -> assertTrue(FakePeers.INFERENCE.callsFor(projectId).size() >= 2, "tried again"));
            assertEquals("NEW", calls.status(projectId, "d-1"));
        } finally {
            FakePeers.INFERENCE.recover(projectId);
        }
        eventually(() -> assertEquals("LABELED", calls.status(projectId, "d-1")));
    }

    @Test
    void aModelWithOtherLabelsLeavesItemsWaitingUntilTheRightModelServes() {
        String projectId = calls.createProject(0.8, "cat", "dog", "bird");
        FakePeers.INFERENCE.registerModel(projectId, "v1", List.of("cat", "dog"));

        calls.submit(projectId, text("w-1", "cat|0.9"));

        eventually(() -> assertTrue(FakePeers.INFERENCE.callsFor(projectId).size() >= 2, "tried again"));
        assertEquals("NEW", calls.status(projectId, "w-1"));
        assertEquals(0, calls.finalLabels(projectId));
        assertEquals(0, calls.progress(projectId).getModelPredictions());

        FakePeers.INFERENCE.registerModel(projectId, "v2", List.of("dog", "bird", "cat"));
        eventually(() -> assertEquals(List.of("cat", "MODEL", "0.9", "v2", "0", "null"),
                calls.finalLabel(projectId, "w-1")));
    }

    @Test
    void itemsWaitForCrowdAndAreEnqueuedOnceItIsBack() {
        String projectId = calls.createProject(0.99, "yes", "no");
        eventually(() -> assertNotNull(FakePeers.CROWD.project(projectId)));
        FakePeers.CROWD.failFor(projectId, Status.UNAVAILABLE);
        try {
            calls.submit(projectId, text("q-1", "unsure"));

            eventually(() -> assertEquals("TO_CROWD", calls.status(projectId, "q-1")));
            pause(SOME_ROUNDS);
            assertEquals("TO_CROWD", calls.status(projectId, "q-1"));
            assertEquals(1, calls.progress(projectId).getWithCrowd());
        } finally {
            FakePeers.CROWD.recover(projectId);
        }
        eventually(() -> assertEquals("WITH_CROWD", calls.status(projectId, "q-1")));
        assertNotNull(FakePeers.CROWD.pool(projectId).get("q-1"));
    }

    @Test
    void whenCrowdLostTheProjectItsSettingsArePushedAgainBeforeTheItems() {
        String projectId = calls.createProject(0.99, "yes", "no");
        eventually(() -> assertNotNull(FakePeers.CROWD.project(projectId)));
        FakePeers.CROWD.forget(projectId);

        calls.submit(projectId, text("l-1", "unsure"));

        eventually(() -> assertEquals("WITH_CROWD", calls.status(projectId, "l-1")));
        assertNotNull(FakePeers.CROWD.project(projectId), "settings pushed again");
        assertNotNull(FakePeers.CROWD.pool(projectId).get("l-1"));
    }

    @Test
    void finalLabelsWaitForQcAndAreOfferedOnceItIsBack() {
        String projectId = calls.createProject(0.99, "yes", "no");
        FakePeers.QC.failFor(projectId, Status.UNAVAILABLE);
        try {
            calls.submit(projectId, text("o-1", "unsure"));
            eventually(() -> assertEquals("WITH_CROWD", calls.status(projectId, "o-1")));
            assertTrue(calls.report(projectId, "o-1", "yes", 0.9, 3, LabelSource.LABEL_SOURCE_CROWD));

            pause(SOME_ROUNDS);
            assertEquals(0, calls.progress(projectId).getOfferedToQc());
        } finally {
            FakePeers.QC.recover(projectId);
        }
        eventually(() -> assertEquals(1, calls.progress(projectId).getOfferedToQc()));
        assertEquals("yes", FakePeers.QC.offered(projectId).get("o-1").getLabel());
    }
}
