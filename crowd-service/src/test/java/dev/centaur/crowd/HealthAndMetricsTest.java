package dev.centaur.crowd;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.centaur.crowd.support.CrowdTestSupport;
import io.grpc.Status;
import io.quarkus.test.junit.QuarkusTest;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Probes and Prometheus metrics on the shared HTTP/gRPC port. */
@QuarkusTest
class HealthAndMetricsTest extends CrowdTestSupport {

    @Test
    void readinessChecksTheDatabase() {
        given().when().get("/q/health/ready").then().statusCode(200)
                .body(containsString("\"status\": \"UP\""))
                .body(containsString("Database connections health check"));
        given().when().get("/q/health/live").then().statusCode(200);
    }

    @Test
    void countersMoveWithAssignedTasksAnswersAndCompletedItems() {
        String projectId = newProjectId();
        upsertProject(projectId, 1, "a", "b");
        enqueueTexts(projectId, "item-1");
        TestAnnotator ann = registerAnnotator("ann");
        // Items other tests left due would complete (and fit) in between and move the counters.
        awaitTrue("no item due anywhere", EVALUATION_TIMEOUT, () -> db.dueItemsAnywhere() == 0);
        Map<String, Double> before = crowdMetrics();

        ann.answer(ann.nextTask(projectId).getAssignmentId(), "a");
        assertRefused(Status.Code.FAILED_PRECONDITION, () -> ann.answer(
                db.text("SELECT assignment_id FROM crowd.assignment WHERE project_id = ?", projectId), "a"));
        awaitEvaluated(projectId);

        Map<String, Double> after = crowdMetrics();
        assertEquals(1.0, after.get("centaur_crowd_tasks_assigned_total") - before.get("centaur_crowd_tasks_assigned_total"));
        assertEquals(1.0, after.get("centaur_crowd_answers_submitted_total")
                - before.get("centaur_crowd_answers_submitted_total"), "the refused repeat is not counted");
        assertEquals(1.0, after.get("centaur_crowd_items_completed_total")
                - before.get("centaur_crowd_items_completed_total"));
        assertEquals(1.0, after.get("centaur_crowd_aggregation_fit_seconds_count")
                - before.get("centaur_crowd_aggregation_fit_seconds_count"), "one fit evaluated the item");
        assertTrue(after.containsKey("centaur_crowd_outbox_pending"));
    }

    /** The centaur_crowd_* samples of /q/metrics, by name. */
    private static Map<String, Double> crowdMetrics() {
        String body = given().when().get("/q/metrics").then().statusCode(200).extract().asString();
        Map<String, Double> values = new HashMap<>();
        for (String line : body.split("\n")) {
            if (line.startsWith("centaur_crowd_")) {
                String[] parts = line.split(" ");
                values.put(parts[0], Double.parseDouble(parts[1]));
            }
        }
        return values;
    }
}
