package dev.centaur.router;

import static dev.centaur.router.TestSupport.eventually;
import static dev.centaur.router.TestSupport.text;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.centaur.router.fakes.FakePeers;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(FakePeers.class)
class HealthAndMetricsTest {

    @Inject
    RouterCalls calls;

    @Test
    void readinessChecksTheDatabase() {
        given().get("/q/health/ready").then()
                .statusCode(200)
                .body(containsString("Database connections health check"))
                .body(containsString("\"UP\""));
        given().get("/q/health/live").then().statusCode(200);
    }

    @Test
    void metricsCountSubmittedRoutedAndLabeledItemsPerProject() {
        String projectId = calls.createProject(0.8, "yes", "no");
        FakePeers.INFERENCE.registerModel(projectId, "v1", List.of("yes", "no"));
        calls.submit(projectId, text("1", "yes|0.9"), text("2", "no|0.9"), text("3", "unsure"));
        eventually(() -> assertEquals("WITH_CROWD", calls.status(projectId, "3")));

        String project = "project=\"" + projectId + "\"";
        eventually(() -> given().get("/q/metrics").then()
                .statusCode(200)
                .body(containsString("centaur_router_items_submitted_total{" + project + "} 3.0"))
                .body(containsString("centaur_router_items_routed_total{destination=\"model\"," + project + "} 2.0"))
                .body(containsString("centaur_router_items_routed_total{destination=\"crowd\"," + project + "} 1.0"))
                .body(containsString("centaur_router_final_labels_total{" + project + ",source=\"MODEL\"} 2.0"))
                .body(containsString("centaur_router_outbox_backlog{outbox=\"qc_labels\"}"))
                .body(containsString("centaur_router_outbox_backlog{outbox=\"crowd_items\"}"))
                .body(containsString("centaur_router_outbox_backlog{outbox=\"crowd_projects\"}"))
                .body(containsString("centaur_router_items_awaiting_model")));
    }
}
