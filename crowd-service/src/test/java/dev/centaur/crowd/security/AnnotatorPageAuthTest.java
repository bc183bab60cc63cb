package dev.centaur.crowd.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;

import dev.centaur.guard.Roles;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

/** The annotator page's JSON API with auth on: annotators only (401 without a token, 403 for other roles). */
@QuarkusTest
@TestProfile(AuthOnProfile.class)
class AnnotatorPageAuthTest extends AuthTestSupport {

    @Test
    void annotatorTokenGetsATaskAndAnswersIt() {
        String projectId = newProjectId();
        serviceCreatesProject(projectId, 1, new String[] {"a", "b"}, "web-item");
        TestAnnotator ann = adminRegisters("web");

        String assignmentId = given().header("Authorization", "Bearer " + ann.token()).contentType(ContentType.JSON)
                .body("{\"projectId\":\"" + projectId + "\"}").post("/api/annotate/next-task")
                .then().statusCode(200).body("itemId", containsString("web-item")).extract().path("assignmentId");
        given().header("Authorization", "Bearer " + ann.token()).contentType(ContentType.JSON)
                .body("{\"assignmentId\":\"" + assignmentId + "\",\"label\":\"b\"}").post("/api/annotate/answer")
                .then().statusCode(200);
        org.junit.jupiter.api.Assertions.assertEquals(1, db.answers(projectId));
    }

    @Test
    void otherRolesAreForbidden() {
        for (String token : new String[] {AuthOnProfile.ADMIN_TOKEN, AuthOnProfile.SERVICE_TOKEN,
                routerToken(Roles.CLIENT), routerToken(Roles.EXPERT)}) {
            given().header("Authorization", "Bearer " + token).contentType(ContentType.JSON)
                    .body("{\"projectId\":\"any\"}").post("/api/annotate/next-task")
                    .then().statusCode(403).body("error", containsString("for annotators"));
        }
    }

    @Test
    void missingMalformedOrUnknownTokensAreUnauthorized() {
        given().contentType(ContentType.JSON).body("{\"projectId\":\"any\"}").post("/api/annotate/next-task")
                .then().statusCode(401).body("error", containsString("Bearer <token>"));
        given().header("Authorization", "Basic dXNlcjpwYXNz").contentType(ContentType.JSON)
                .body("{\"projectId\":\"any\"}").post("/api/annotate/next-task")
                .then().statusCode(401).body("error", containsString("Bearer <token>"));
        given().header("Authorization", "Bearer not-a-token-" + System.nanoTime()).contentType(ContentType.JSON)
                .body("{\"assignmentId\":\"x\",\"label\":\"a\"}").post("/api/annotate/answer")
                .then().statusCode(401).body("error", containsString("unknown or revoked"));
    }

    @Test
    void pageHealthAndMetricsNeedNoToken() {
        given().get("/annotate/").then().statusCode(200).body(containsString("Token"));
        given().get("/q/health/ready").then().statusCode(200);
        given().get("/q/health/live").then().statusCode(200);
        given().get("/q/metrics").then().statusCode(200).body(containsString("centaur_crowd"));
    }
}
