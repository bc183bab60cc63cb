package dev.centaur.crowd.grpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.centaur.crowd.support.CrowdTestSupport;
import dev.centaur.crowd.v1.Annotator;
import dev.centaur.crowd.v1.CrowdServiceGrpc;
import dev.centaur.crowd.v1.ListAnnotatorsRequest;
import dev.centaur.crowd.v1.NextTaskRequest;
import dev.centaur.crowd.v1.RegisterAnnotatorRequest;
import dev.centaur.crowd.v1.RegisterAnnotatorResponse;
import dev.centaur.crowd.v1.SubmitAnswerRequest;
import io.grpc.Status;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** RegisterAnnotator, ListAnnotators and the bearer-token check of the annotator RPCs. */
@QuarkusTest
class AnnotatorRpcTest extends CrowdTestSupport {

    @Test
    void registerAnnotatorReturnsAUrlSafeTokenAndStoresOnlyItsHash() throws Exception {
        String name = "ann-" + UUID.randomUUID();

        RegisterAnnotatorResponse response = crowd.registerAnnotator(RegisterAnnotatorRequest.newBuilder()
                .setName(name).build());

        String token = response.getToken();
        assertTrue(token.matches("[A-Za-z0-9_-]{43}"), "256 bits, base64url without padding: " + token);
        assertEquals(name, response.getAnnotator().getName());
        assertEquals(0, response.getAnnotator().getAnswers());
        String stored = db.text("SELECT token_sha256 FROM crowd.annotator WHERE annotator_id = ?",
                response.getAnnotator().getAnnotatorId());
        String expected = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(token.getBytes(StandardCharsets.UTF_8)));
        assertEquals(expected, stored);
        assertEquals(0, db.number("SELECT count(*) FROM crowd.annotator WHERE token_sha256 = ? OR name = ?",
                token, token));
    }

    @Test
    void everyRegistrationGetsItsOwnToken() {
        assertNotEquals(registerAnnotator("same").token(), registerAnnotator("same").token());
    }

    @Test
    void registerAnnotatorRefusesAnEmptyOrTooLongName() {
        String tooLong = "n".repeat(129);

        assertRefused(Status.Code.INVALID_ARGUMENT, () -> crowd.registerAnnotator(RegisterAnnotatorRequest
                .newBuilder().setName("").build()), "name", "''");
        assertRefused(Status.Code.INVALID_ARGUMENT, () -> crowd.registerAnnotator(RegisterAnnotatorRequest
                .newBuilder().setName(tooLong).build()), "name", "1..128");
        assertEquals(0, db.number("SELECT count(*) FROM crowd.annotator WHERE name = ? OR name = ''", tooLong));
    }

    @Test
    void listAnnotatorsCountsEachAnnotatorsAnswers() {
        String projectId = newProjectId();
        upsertProject(projectId, 2, "a", "b");
        enqueueTexts(projectId, "i1", "i2");
        TestAnnotator busy = registerAnnotator("busy");
        TestAnnotator idle = registerAnnotator("idle");
        busy.answer(busy.nextTask(projectId).getAssignmentId(), "a");
        busy.answer(busy.nextTask(projectId).getAssignmentId(), "b");

        List<Annotator> listed = crowd.listAnnotators(ListAnnotatorsRequest.getDefaultInstance()).getAnnotatorsList();

        assertEquals(2, answersOf(listed, busy.annotatorId()));
        assertEquals(0, answersOf(listed, idle.annotatorId()));
    }

    @Test
    void annotatorCallsWithoutATokenAreUnauthenticated() {
        NextTaskRequest nextTask = NextTaskRequest.newBuilder().setProjectId("any").build();
        SubmitAnswerRequest submit = SubmitAnswerRequest.newBuilder().setAssignmentId("any").setLabel("a").build();

        assertRefused(Status.Code.UNAUTHENTICATED, () -> crowd.nextTask(nextTask), "authorization");
        assertRefused(Status.Code.UNAUTHENTICATED, () -> crowd.submitAnswer(submit), "authorization");
    }

    @Test
    void annotatorCallsWithAnUnknownOrMalformedTokenAreUnauthenticated() {
        NextTaskRequest nextTask = NextTaskRequest.newBuilder().setProjectId("any").build();
        CrowdServiceGrpc.CrowdServiceBlockingStub unknown = withAuthorization(crowd, "Bearer not-a-real-token");
        CrowdServiceGrpc.CrowdServiceBlockingStub basic = withAuthorization(crowd, "Basic dXNlcjpwYXNz");
        CrowdServiceGrpc.CrowdServiceBlockingStub empty = withAuthorization(crowd, "Bearer ");

        assertRefused(Status.Code.UNAUTHENTICATED, () -> unknown.nextTask(nextTask), "token");
        assertRefused(Status.Code.UNAUTHENTICATED, () -> basic.nextTask(nextTask), "Bearer <token>");
        assertRefused(Status.Code.UNAUTHENTICATED, () -> empty.nextTask(nextTask), "Bearer <token>");
    }

    private static long answersOf(List<Annotator> annotators, String annotatorId) {
        return annotators.stream().filter(a -> a.getAnnotatorId().equals(annotatorId)).findFirst().orElseThrow()
                .getAnswers();
    }
}
