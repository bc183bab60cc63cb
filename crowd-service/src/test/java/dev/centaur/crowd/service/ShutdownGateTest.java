package dev.centaur.crowd.service;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import dev.centaur.crowd.support.CrowdTestSupport;
import dev.centaur.crowd.v1.Task;
import io.grpc.Status;
import io.quarkus.runtime.ShutdownDelayInitiatedEvent;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

/**
 * What SIGTERM starts (Quarkus fires ShutdownDelayInitiatedEvent as readiness goes DOWN): no new
 * tasks, over gRPC or the page's API, while answers to tasks already handed out are still taken
 * and unanswered leases stay in the database. Its own profile gives it its own application, since
 * the gate never reopens.
 */
@QuarkusTest
@TestProfile(ShutdownGateTest.OwnApplication.class)
class ShutdownGateTest extends CrowdTestSupport {

    public static class OwnApplication implements QuarkusTestProfile {
    }

    @Inject
    Event<ShutdownDelayInitiatedEvent> shutdownDelay;

    @Test
    void afterSigtermNextTaskIsUnavailableButAnswersToHandedOutTasksAreTaken() {
        String projectId = newProjectId();
        upsertProject(project(projectId, 2, "a", "b").setAggregationMethod("MV"));
        enqueueTexts(projectId, "item-1", "item-2");
        TestAnnotator answering = registerAnnotator("answering");
        TestAnnotator holding = registerAnnotator("holding");
        TestAnnotator late = registerAnnotator("late");
        Task answered = answering.nextTask(projectId, "item-1");
        Task held = holding.nextTask(projectId, "item-1");
        assertNotNull(answered);
        assertNotNull(held);

        shutdownDelay.fire(new ShutdownDelayInitiatedEvent());

        assertRefused(Status.Code.UNAVAILABLE, () -> late.nextTask(projectId), "shutting down", "no new tasks");
        assertRefused(Status.Code.UNAVAILABLE, () -> holding.nextTask(projectId), "shutting down");
        given().header("Authorization", "Bearer " + late.token()).contentType(ContentType.JSON)
                .body("{\"projectId\":\"" + projectId + "\"}").post("/api/annotate/next-task")
                .then().statusCode(503).body("error", containsString("shutting down"));
        assertEquals(1, answering.answer(answered.getAssignmentId(), "a").getItemAnswers(),
                "an answer to a task handed out before SIGTERM is taken");

        assertEquals(2, db.assignments(projectId), "no assignment was made after SIGTERM");
        assertEquals(1, db.answers(projectId));
        assertEquals(1, db.number("SELECT count(*) FROM crowd.assignment WHERE assignment_id = ? "
                + "AND lease_expires_at > now()", held.getAssignmentId()), "the unanswered lease stays, to expire as usual");
    }
}
