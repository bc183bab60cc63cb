package dev.centaur.crowd.grpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.centaur.crowd.support.CrowdTestSupport;
import dev.centaur.crowd.v1.Task;
import io.grpc.Status;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** With a one-second lease: an unanswered task returns to the pool, and its late answer is refused. */
@QuarkusTest
@TestProfile(LeaseExpiryTest.ShortLease.class)
class LeaseExpiryTest extends CrowdTestSupport {

    private static final Duration LEASE = Duration.ofSeconds(1);

    public static class ShortLease implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("centaur.crowd.lease-duration", LEASE.toMillis() + "ms");
        }
    }

    @Test
    void expiredLeaseReturnsTheItemToThePoolAndRefusesTheLateAnswer() throws InterruptedException {
        String projectId = newProjectId();
        upsertProject(projectId, 1, "a", "b");
        enqueueTexts(projectId, "item-1");
        TestAnnotator slow = registerAnnotator("slow");
        TestAnnotator next = registerAnnotator("next");
        Task held = slow.nextTask(projectId);
        assertNotNull(held);
        assertNull(next.nextTask(projectId), "the only slot is leased to slow");

        Thread.sleep(LEASE.plusMillis(300).toMillis());

        Task reassigned = next.nextTask(projectId);
        assertNotNull(reassigned, "the expired lease freed the slot");
        assertEquals("item-1", reassigned.getItemId());
        assertRefused(Status.Code.FAILED_PRECONDITION, () -> slow.answer(held.getAssignmentId(), "a"),
                held.getAssignmentId(), "expired");
        assertNull(slow.nextTask(projectId), "slow was assigned item-1 once and never gets it again");
        assertEquals(1, next.answer(reassigned.getAssignmentId(), "b").getItemAnswers());
        assertEquals(1, db.answers(projectId));
    }

    @Test
    void heldTaskIsNotReturnedAgainOnceItsLeaseExpired() throws InterruptedException {
        String projectId = newProjectId();
        upsertProject(projectId, 2, "a", "b");
        enqueueTexts(projectId, "item-1", "item-2");
        TestAnnotator ann = registerAnnotator("ann");
        Task first = ann.nextTask(projectId);

        Thread.sleep(LEASE.plusMillis(300).toMillis());

        Task second = ann.nextTask(projectId);
        assertEquals("item-2", second.getItemId(), "the expired assignment is not live, and item-1 was already ann's");
        assertEquals("item-1", first.getItemId());
    }
}
