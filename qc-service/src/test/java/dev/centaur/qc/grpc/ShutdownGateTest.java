package dev.centaur.qc.grpc;

import static dev.centaur.qc.grpc.QcFixtures.answer;
import static dev.centaur.qc.grpc.QcFixtures.assertFails;
import static dev.centaur.qc.grpc.QcFixtures.newProjectId;
import static dev.centaur.qc.grpc.QcFixtures.nextReview;
import static dev.centaur.qc.grpc.QcFixtures.offer;
import static dev.centaur.qc.grpc.QcFixtures.single;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.centaur.common.v1.LabelSource;
import dev.centaur.qc.v1.QcServiceGrpc.QcServiceBlockingStub;
import dev.centaur.qc.v1.Review;
import io.grpc.Status;
import io.quarkus.grpc.GrpcClient;
import io.quarkus.runtime.ShutdownDelayInitiatedEvent;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What SIGTERM starts (Quarkus fires ShutdownDelayInitiatedEvent as readiness goes DOWN): no new
 * review leases, over gRPC or the page's API, while verdicts on leased reviews and router's offers
 * are still taken and unanswered leases stay in the database. Its own profile gives it its own
 * application, since the gate never reopens.
 */
@QuarkusTest
@TestProfile(ShutdownGateTest.OwnApplication.class)
class ShutdownGateTest {

    public static class OwnApplication implements QuarkusTestProfile {
    }

    @GrpcClient("qc")
    QcServiceBlockingStub qc;

    @Inject
    QcRows rows;

    @Inject
    Event<ShutdownDelayInitiatedEvent> shutdownDelay;

    @Test
    void afterSigtermNextReviewIsUnavailableButVerdictsAndOffersAreTaken() {
        String project = newProjectId();
        qc.offer(offer(project, 1.0, List.of(
                single("i1", "positive", LabelSource.LABEL_SOURCE_MODEL),
                single("i2", "negative", LabelSource.LABEL_SOURCE_CROWD))));
        Review answered = nextReview(qc, "expert-a", project).orElseThrow();
        Review held = nextReview(qc, "expert-b", project).orElseThrow();

        shutdownDelay.fire(new ShutdownDelayInitiatedEvent());

        assertFails(Status.Code.UNAVAILABLE, "leases no new reviews", () -> nextReview(qc, "expert-c", project));
        given().contentType(ContentType.JSON).body("{\"expertId\":\"expert-c\",\"projectId\":\"" + project + "\"}")
                .post("/api/reviews/next").then().statusCode(503).body("error", containsString("shutting down"));
        answer(qc, "expert-a", answered.getReviewId(), "positive");
        assertEquals(1, qc.offer(offer(project, 1.0, List.of(single("i3", "positive", LabelSource.LABEL_SOURCE_MODEL))))
                .getReceived(), "router's offers are still taken");

        assertEquals(1, rows.number("SELECT count(*) FROM qc.review WHERE review_id = ?::uuid AND expert_id = ? "
                + "AND lease_expires_at > now()", held.getReviewId(), "expert-b"), "the unanswered lease stays, to expire as usual");
        assertEquals(0, rows.number("SELECT count(*) FROM qc.review WHERE project_id = ? AND expert_id = ?", project,
                "expert-c"), "no review was leased after SIGTERM");
    }
}
