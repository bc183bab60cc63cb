package dev.centaur.crowd.security;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.centaur.crowd.v1.RevokeAnnotatorRequest;
import dev.centaur.crowd.v1.RevokeAnnotatorResponse;
import dev.centaur.crowd.v1.Task;
import io.grpc.Status;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;

/** RevokeAnnotator: the token stops working at once, open tasks go back to the pool, repeats change nothing. */
@QuarkusTest
@TestProfile(AuthOnProfile.class)
class RevokeAnnotatorTest extends AuthTestSupport {

    @Test
    void revokedTokenIsUnauthenticatedAtOnceAndTheOpenTaskGoesToSomeoneElse() {
        String projectId = newProjectId();
        serviceCreatesProject(projectId, 1, new String[] {"pos", "neg"}, "item-1", "item-2");
        TestAnnotator mallory = adminRegisters("mallory");
        Task answered = mallory.nextTask(projectId);
        mallory.answer(answered.getAssignmentId(), "pos");
        Task held = mallory.nextTask(projectId);

        RevokeAnnotatorResponse revoked = revoke(mallory.annotatorId());

        assertFalse(revoked.getAlreadyRevoked());
        assertEquals(1, revoked.getTasksReleased());
        assertEquals(1, revoked.getAnnotator().getAnswers(), "answers already given stay");
        assertTrue(revoked.getRevokedAtEpochMs() > 0);
        assertRefused(Status.Code.UNAUTHENTICATED, () -> mallory.nextTask(projectId), "revoked");
        assertRefused(Status.Code.UNAUTHENTICATED, () -> mallory.answer(held.getAssignmentId(), "neg"), "revoked");
        given().header("Authorization", "Bearer " + mallory.token()).contentType(ContentType.JSON)
                .body("{\"projectId\":\"" + projectId + "\"}").post("/api/annotate/next-task")
                .then().statusCode(401).body("error", Matchers.containsString("revoked"));
        assertEquals(0, db.number("SELECT count(*) FROM crowd.assignment WHERE assignment_id = ?",
                held.getAssignmentId()), "the held task was released");
        assertEquals(1, db.answers(projectId), "the earlier answer counts");

        TestAnnotator next = adminRegisters("next");
        Task reassigned = next.nextTask(projectId);
        assertNotNull(reassigned);
        assertEquals(held.getItemId(), reassigned.getItemId(), "the released item is offered again at once");
    }

    @Test
    void revokingTwiceChangesNothing() {
        TestAnnotator ann = adminRegisters("twice");
        RevokeAnnotatorResponse first = revoke(ann.annotatorId());

        RevokeAnnotatorResponse second = revoke(ann.annotatorId());

        assertTrue(second.getAlreadyRevoked());
        assertEquals(first.getRevokedAtEpochMs(), second.getRevokedAtEpochMs());
        assertEquals(0, second.getTasksReleased());
    }

    @Test
    void revokeRefusesBadAnnotatorIdsAndWritesNothing() {
        long revokedBefore = revokedAnnotators();
        String tooLong = "a".repeat(37);
        String unknown = "00000000-0000-0000-0000-000000000000";

        assertRefused(Status.Code.INVALID_ARGUMENT, () -> revoke(""), "annotator_id", "''");
        assertRefused(Status.Code.INVALID_ARGUMENT, () -> revoke("   "), "annotator_id", "'   '");
        assertRefused(Status.Code.INVALID_ARGUMENT, () -> revoke(tooLong), "annotator_id", "1..36");
        assertRefused(Status.Code.NOT_FOUND, () -> revoke(unknown), "annotator_id", unknown);
        assertEquals(revokedBefore, revokedAnnotators());
    }

    @Test
    void onlyAnAdminMayRevoke() {
        TestAnnotator victim = adminRegisters("victim");
        TestAnnotator other = adminRegisters("other");
        RevokeAnnotatorRequest request = RevokeAnnotatorRequest.newBuilder().setAnnotatorId(victim.annotatorId())
                .build();

        assertRefused(Status.Code.PERMISSION_DENIED, () -> other.stub().revokeAnnotator(request), "RevokeAnnotator",
                "annotator");
        assertRefused(Status.Code.PERMISSION_DENIED, () -> asService().revokeAnnotator(request), "RevokeAnnotator",
                "service");
        assertEquals(null, db.text("SELECT revoked_at::text FROM crowd.annotator WHERE annotator_id = ?",
                victim.annotatorId()));
    }

    private RevokeAnnotatorResponse revoke(String annotatorId) {
        return asAdmin().revokeAnnotator(RevokeAnnotatorRequest.newBuilder().setAnnotatorId(annotatorId).build());
    }

    private long revokedAnnotators() {
        return db.number("SELECT count(*) FROM crowd.annotator WHERE revoked_at IS NOT NULL");
    }
}
