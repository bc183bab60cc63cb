package dev.centaur.crowd.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.centaur.crowd.support.CrowdTestSupport;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

/** The annotator page's JSON API: the same refusals as gRPC, as HTTP statuses, writing nothing. */
@QuarkusTest
class AnnotatorResourceTest extends CrowdTestSupport {

    @Test
    void nextTaskAndAnswerOverHttp() {
        String projectId = newProjectId();
        upsertProject(project(projectId, 1, "a", "b").setAggregationMethod("MV"));
        enqueueTexts(projectId, "only");
        TestAnnotator ann = registerAnnotator("ann");

        String assignmentId = given().header("Authorization", "Bearer " + ann.token()).contentType(ContentType.JSON)
                .body("{\"projectId\":\"" + projectId + "\"}").post("/api/annotate/next-task")
                .then().statusCode(200).body("itemId", containsString("only")).extract().path("assignmentId");
        given().header("Authorization", "Bearer " + ann.token()).contentType(ContentType.JSON)
                .body("{\"assignmentId\":\"" + assignmentId + "\",\"label\":\"b\"}").post("/api/annotate/answer")
                .then().statusCode(200).body("itemAnswers", org.hamcrest.Matchers.is(1))
                .body("evaluationDue", org.hamcrest.Matchers.is(true));
        awaitEvaluated(projectId);
        assertEquals(1, db.completedItems(projectId));

        given().header("Authorization", "Bearer " + ann.token()).contentType(ContentType.JSON)
                .body("{\"projectId\":\"" + projectId + "\"}").post("/api/annotate/next-task")
                .then().statusCode(204);
    }

    @Test
    void badRequestsAreRefusedWithTheFieldAndWriteNothing() {
        String projectId = newProjectId();
        upsertProject(projectId, 1, "a", "b");
        enqueueTexts(projectId, "only");
        TestAnnotator ann = registerAnnotator("ann");

        given().contentType(ContentType.JSON).body("{\"projectId\":\"" + projectId + "\"}")
                .post("/api/annotate/next-task").then().statusCode(401).body("error", containsString("Bearer"));
        given().header("Authorization", "Bearer " + ann.token()).contentType(ContentType.JSON)
                .body("{\"projectId\":\"Bad!\"}").post("/api/annotate/next-task")
                .then().statusCode(400).body("error", containsString("project_id 'Bad!'"));
        String unknown = newProjectId();
        given().header("Authorization", "Bearer " + ann.token()).contentType(ContentType.JSON)
                .body("{\"projectId\":\"" + unknown + "\"}").post("/api/annotate/next-task")
                .then().statusCode(404).body("error", containsString(unknown));
        given().header("Authorization", "Bearer " + ann.token()).contentType(ContentType.JSON)
                .body("{\"assignmentId\":\"no-such\",\"label\":\"a\"}").post("/api/annotate/answer")
                .then().statusCode(404).body("error", containsString("no-such"));

        assertEquals(0, db.assignments(projectId));
    }
}
