package dev.centaur.router.grpc;

import static dev.centaur.router.TestSupport.assertFails;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.centaur.router.RouterCalls;
import dev.centaur.router.fakes.FakePeers;
import dev.centaur.router.v1.GetProgressRequest;
import dev.centaur.router.v1.GetProgressResponse;
import io.grpc.Status;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** GetProgress on its own; the counts along an item's life are checked in RoutingFlowTest. */
@QuarkusTest
@WithTestResource(FakePeers.class)
class GetProgressTest {

    @Inject
    RouterCalls calls;

    @Test
    void aNewProjectHasZeroOfEverythingAndEverySourceKey() {
        String projectId = calls.createProject(0.5, "yes", "no");

        GetProgressResponse progress = calls.progress(projectId);

        assertEquals(0, progress.getItems());
        assertEquals(0, progress.getLabeled());
        assertEquals(Map.of("MODEL", 0L, "CROWD", 0L, "HYBRID", 0L, "EXPERT", 0L),
                progress.getLabeledBySourceMap());
    }

    @Test
    void progressOfAnUnknownProjectIsNotFound() {
        String projectId = "t-unknown-" + System.nanoTime();
        assertFails(Status.Code.NOT_FOUND, () -> calls.progress(projectId), projectId);
        assertFails(Status.Code.INVALID_ARGUMENT,
                () -> calls.router.getProgress(GetProgressRequest.getDefaultInstance()), "project_id");
    }
}
