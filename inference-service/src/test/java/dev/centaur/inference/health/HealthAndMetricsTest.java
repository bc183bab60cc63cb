package dev.centaur.inference.health;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;

import dev.centaur.inference.testdata.Requests;
import dev.centaur.inference.testdata.SyntheticTexts;
import dev.centaur.inference.v1.InferenceServiceGrpc.InferenceServiceBlockingStub;
import io.quarkus.grpc.GrpcClient;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
class HealthAndMetricsTest {

    @GrpcClient("inference")
    InferenceServiceBlockingStub inference;

    @Test
    void readyWithDatabaseAndModelChecksWhenNoModelIsRequired() {
        given().get("/q/health/ready").then()
                .statusCode(200)
                .body("status", org.hamcrest.Matchers.equalTo("UP"))
                .body("checks.name", hasItem("active-models"))
                .body("checks.name", hasItem(containsString("Database")));
        given().get("/q/health/live").then().statusCode(200);
    }

    @Test
    void predictionsShowInTheMetrics() {
        String name = Requests.freshModelName();
        inference.train(Requests.topics(name, 20, 1).build());
        inference.predict(Requests.predict(name, SyntheticTexts.topics(3, 2)).build());
        given().get("/q/metrics").then()
                .statusCode(200)
                .body(containsString("centaur_inference_predict_latency_seconds_count"))
                .body(containsString("centaur_inference_items_predicted_total"))
                .body(containsString("centaur_inference_models_loaded"))
                .body(containsString("centaur_inference_batch_queue_seconds_count"))
                .body(containsString("centaur_inference_batch_size_count"))
                .body(containsString("centaur_inference_batch_pass_seconds_count"))
                .body(containsString("centaur_inference_batch_latency_seconds_count"))
                .body(containsString("centaur_inference_batch_queue_depth"))
                .body(containsString("centaur_inference_device{device=\"cpu\"} 1.0"));
    }
}
