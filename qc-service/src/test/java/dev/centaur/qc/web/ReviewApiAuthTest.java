package dev.centaur.qc.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import dev.centaur.common.v1.ItemContent;
import dev.centaur.common.v1.LabelSource;
import dev.centaur.guard.BearerTokens;
import dev.centaur.guard.Roles;
import dev.centaur.qc.grpc.AuthProfile;
import dev.centaur.qc.grpc.FakeRouter;
import dev.centaur.qc.v1.OfferRequest;
import dev.centaur.qc.v1.OfferedLabel;
import dev.centaur.qc.v1.QcServiceGrpc.QcServiceBlockingStub;
import io.grpc.Metadata;
import io.grpc.stub.MetadataUtils;
import io.quarkus.grpc.GrpcClient;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The review page's API with auth on: the expert's bearer token in the HTTP header, no token 401,
 * other roles 403, an expert only as themselves; the page's files, health and metrics stay open.
 */
@QuarkusTest
@TestProfile(AuthProfile.class)
class ReviewApiAuthTest {

    @GrpcClient("qc")
    QcServiceBlockingStub qc;

    @Test
    void healthMetricsAndThePageItselfNeedNoToken() {
        given().get("/q/health/live").then().statusCode(200);
        given().get("/q/health/ready").then().statusCode(200);
        given().get("/q/metrics").then().statusCode(200);
        given().get("/review/").then().statusCode(200).body(containsString("Centaur expert review"));
        given().get("/review/review.js").then().statusCode(200);
    }

    @Test
    void onlyAnExpertsTokenLeasesAndAnswersAndOnlyAsThemselves() {
        String project = offerPair();
        Map<String, String> next = Map.of("expertId", "", "projectId", project);
        given().contentType(ContentType.JSON).body(next).post("/api/reviews/next").then().statusCode(401);
        bearer("ctk_never-issued").body(next).post("/api/reviews/next").then().statusCode(401);
        bearer(issued(Roles.CLIENT, "web-client")).body(next).post("/api/reviews/next").then().statusCode(403);
        bearer(AuthProfile.SERVICE_TOKEN).body(next).post("/api/reviews/next").then().statusCode(403);

        String expert = issued(Roles.EXPERT, "web-erin");
        bearer(expert).body(Map.of("expertId", "someone-else", "projectId", project)).post("/api/reviews/next")
                .then().statusCode(403)
                .body("error", containsString("expertId 'someone-else' is not the caller: the token belongs to expert 'web-erin'"));
        String reviewId = bearer(expert).body(next).post("/api/reviews/next").then().statusCode(200)
                .body("itemId", equalTo("pair-1"))
                .body("finalLabel", equalTo(null))
                .extract().path("reviewId");
        bearer(issued(Roles.EXPERT, "web-other")).body(Map.of("expertId", "web-erin", "label", "no"))
                .post("/api/reviews/" + reviewId + "/answer").then().statusCode(403);
        bearer(expert).body(Map.of("expertId", "", "label", "no"))
                .post("/api/reviews/" + reviewId + "/answer").then().statusCode(200)
                .body("finalLabel", equalTo("yes"))
                .body("finalLabelSource", equalTo("HYBRID"));
    }

    private static RequestSpecification bearer(String token) {
        return given().contentType(ContentType.JSON).header(BearerTokens.HEADER, BearerTokens.header(token));
    }

    private static String issued(String role, String subject) {
        String token = "ctk_" + UUID.randomUUID();
        FakeRouter.issue(token, role, subject);
        return token;
    }

    private String offerPair() {
        String project = "qc-test-" + UUID.randomUUID().toString().substring(0, 13);
        Metadata service = new Metadata();
        service.put(Metadata.Key.of(BearerTokens.HEADER, Metadata.ASCII_STRING_MARSHALLER),
                BearerTokens.header(AuthProfile.SERVICE_TOKEN));
        qc.withInterceptors(MetadataUtils.newAttachHeadersInterceptor(service)).offer(OfferRequest.newBuilder()
                .setProjectId(project).addLabels("yes").addLabels("no").setQcRate(1.0)
                .addLabelsOffered(OfferedLabel.newBuilder().setItemId("pair-1")
                        .setContent(ItemContent.newBuilder().setTextA("left text").setTextB("right text"))
                        .setLabel("yes").setSource(LabelSource.LABEL_SOURCE_HYBRID).setModelVersion("m1"))
                .build());
        return project;
    }
}
