package dev.centaur.qc.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.centaur.common.v1.ItemContent;
import dev.centaur.common.v1.LabelSource;
import dev.centaur.qc.v1.OfferRequest;
import dev.centaur.qc.v1.OfferedLabel;
import dev.centaur.qc.v1.QcServiceGrpc.QcServiceBlockingStub;
import io.quarkus.grpc.GrpcClient;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The review page's JSON API: the same rules as gRPC, as HTTP statuses with the same descriptions. */
@QuarkusTest
class ReviewApiTest {

    @GrpcClient("qc")
    QcServiceBlockingStub qc;

    @Test
    void nextThenAnswerRevealsTheFinalLabelAndItsSource() {
        String project = offerPair();
        String reviewId = given().contentType(ContentType.JSON)
                .body(Map.of("expertId", "web-expert", "projectId", project))
                .post("/api/reviews/next").then().statusCode(200)
                .body("itemId", equalTo("pair-1"))
                .body("textA", equalTo("left text"))
                .body("textB", equalTo("right text"))
                .body("labels[1]", equalTo("no"))
                .body("finalLabel", equalTo(null))
                .extract().path("reviewId");

        given().contentType(ContentType.JSON).body(Map.of("expertId", "web-expert", "label", "no"))
                .post("/api/reviews/" + reviewId + "/answer").then().statusCode(200)
                .body("agreed", equalTo(false))
                .body("finalLabel", equalTo("yes"))
                .body("finalLabelSource", equalTo("HYBRID"))
                .body("outcome", equalTo("DECIDED"))
                .body("decidedLabel", equalTo("no"));

        given().contentType(ContentType.JSON).body(Map.of("expertId", "web-expert", "projectId", project))
                .post("/api/reviews/next").then().statusCode(204);
    }

    @Test
    void badRequestsGetTheStatusAndTheDescriptionOfTheGrpcApi() {
        String project = offerPair();
        given().contentType(ContentType.JSON).body(Map.of("expertId", "", "projectId", project))
                .post("/api/reviews/next").then().statusCode(400).body("error", containsString("expertId is empty"));
        given().contentType(ContentType.JSON).body(Map.of("expertId", "e", "projectId", "Bad Project"))
                .post("/api/reviews/next").then().statusCode(400).body("error", containsString("project_id 'Bad Project'"));
        String unknownProject = "qc-test-" + UUID.randomUUID().toString().substring(0, 8);
        given().contentType(ContentType.JSON).body(Map.of("expertId", "e", "projectId", unknownProject))
                .post("/api/reviews/next").then().statusCode(404).body("error", containsString("not found"));

        String reviewId = given().contentType(ContentType.JSON).body(Map.of("expertId", "e1", "projectId", project))
                .post("/api/reviews/next").then().statusCode(200).extract().path("reviewId");
        given().contentType(ContentType.JSON).body(Map.of("expertId", "e1", "label", "maybe"))
                .post("/api/reviews/" + reviewId + "/answer").then().statusCode(400)
                .body("error", containsString("label 'maybe' is not one of project"));
        given().contentType(ContentType.JSON).body(Map.of("expertId", "e2", "label", "yes"))
                .post("/api/reviews/" + reviewId + "/answer").then().statusCode(409)
                .body("error", containsString("leased to another expert"));
        String unknownReview = UUID.randomUUID().toString();
        given().contentType(ContentType.JSON).body(Map.of("expertId", "e1", "label", "yes"))
                .post("/api/reviews/" + unknownReview + "/answer").then().statusCode(404)
                .body("error", containsString("review_id '" + unknownReview + "' not found"));
        given().contentType(ContentType.JSON).body(Map.of("expertId", "e1", "label", "yes"))
                .post("/api/reviews/" + reviewId + "/answer").then().statusCode(200);
        given().contentType(ContentType.JSON).body(Map.of("expertId", "e1", "label", "yes"))
                .post("/api/reviews/" + reviewId + "/answer").then().statusCode(409)
                .body("error", containsString("was already answered"));
    }

    @Test
    void reviewPageIsServed() {
        String page = given().get("/review/").then().statusCode(200).extract().asString();
        assertEquals(true, page.contains("<title>Centaur expert review</title>"));
        given().get("/review/review.js").then().statusCode(200).body(containsString("/api/reviews/next"));
    }

    private String offerPair() {
        String project = "qc-test-" + UUID.randomUUID().toString().substring(0, 13);
        qc.offer(OfferRequest.newBuilder().setProjectId(project).addLabels("yes").addLabels("no").setQcRate(1.0)
                .addLabelsOffered(OfferedLabel.newBuilder().setItemId("pair-1")
                        .setContent(ItemContent.newBuilder().setTextA("left text").setTextB("right text"))
                        .setLabel("yes").setSource(LabelSource.LABEL_SOURCE_HYBRID).setModelVersion("m1"))
                .build());
        return project;
    }
}
