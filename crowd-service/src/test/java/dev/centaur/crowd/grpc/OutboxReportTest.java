package dev.centaur.crowd.grpc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.centaur.crowd.support.CrowdTestSupport;
import dev.centaur.crowd.support.RecordingRouterResource;
import io.grpc.Status;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The outbox keeps a result while router is down and delivers it once router is back. */
@QuarkusTest
class OutboxReportTest extends CrowdTestSupport {

    /** Several rounds of the worker at its default interval. */
    private static final Duration SEVERAL_ROUNDS = Duration.ofSeconds(3);
    private static final Duration REPORT_TIMEOUT = Duration.ofSeconds(15);

    @AfterEach
    void routerBackUp() {
        RecordingRouterResource.ROUTER.failWith(null);
    }

    @Test
    void resultStaysInTheOutboxWhileRouterIsDownAndIsReportedOnceItIsBack() throws InterruptedException {
        String projectId = newProjectId();
        upsertProject(projectId, 1, "a", "b");
        enqueueTexts(projectId, "item-1");
        RecordingRouterResource.ROUTER.failWith(Status.UNAVAILABLE.withDescription("router is down for the test"));
        TestAnnotator ann = registerAnnotator("ann");
        ann.answer(ann.nextTask(projectId).getAssignmentId(), "b");
        awaitEvaluated(projectId);

        Thread.sleep(SEVERAL_ROUNDS.toMillis());
        assertEquals(1, db.unreportedOutboxRows(projectId), "kept for the next round");
        assertEquals(0, RecordingRouterResource.ROUTER.reportsFor(projectId).size());

        RecordingRouterResource.ROUTER.failWith(null);

        awaitTrue("the report once router is back", REPORT_TIMEOUT,
                () -> RecordingRouterResource.ROUTER.reportsFor(projectId).size() == 1);
        awaitTrue("the outbox row marked reported", REPORT_TIMEOUT, () -> db.unreportedOutboxRows(projectId) == 0);
        assertEquals("b", RecordingRouterResource.ROUTER.reportsFor(projectId).get(0).getLabel());
    }

    @Test
    void reportRefusedByRouterStaysPendingWithoutBlockingTheOthers() {
        String refused = newProjectId();
        String accepted = newProjectId();
        for (String projectId : new String[] {refused, accepted}) {
            upsertProject(projectId, 1, "a", "b");
            enqueueTexts(projectId, "item-1");
        }
        RecordingRouterResource.ROUTER.refuseProject(refused, Status.NOT_FOUND.withDescription("unknown project"));
        TestAnnotator ann = registerAnnotator("ann");
        ann.answer(ann.nextTask(refused).getAssignmentId(), "a");
        ann.answer(ann.nextTask(accepted).getAssignmentId(), "a");
        awaitEvaluated(refused);

        awaitTrue("the accepted report", REPORT_TIMEOUT,
                () -> RecordingRouterResource.ROUTER.reportsFor(accepted).size() == 1);
        assertEquals(1, db.unreportedOutboxRows(refused), "the refused result is kept for a later round");
        assertEquals(0, RecordingRouterResource.ROUTER.reportsFor(refused).size());
    }
}
