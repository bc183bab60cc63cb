package dev.centaur.inference.health;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import dev.centaur.inference.testdata.Requests;
import dev.centaur.inference.v1.InferenceServiceGrpc.InferenceServiceBlockingStub;
import io.quarkus.grpc.GrpcClient;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * With require-active-model on, readiness reports the model check as required and is up once a
 * model is loaded. (Its own Quarkus start, which also proves DJL survives a second start in one
 * JVM thanks to the parent-first class loading of its artifacts.)
 */
@QuarkusTest
@TestProfile(RequireActiveModelTest.RequireModel.class)
class RequireActiveModelTest {

    public static class RequireModel implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("centaur.inference.require-active-model", "true");
        }
    }

    @GrpcClient("inference")
    InferenceServiceBlockingStub inference;

    @Test
    void readyOnceAnActiveModelIsLoaded() {
        inference.train(Requests.topics(Requests.freshModelName(), 20, 1).build());
        given().get("/q/health/ready").then()
                .statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.find { it.name == 'active-models' }.data.required", equalTo(true))
                .body("checks.name", hasItem("active-models"));
    }
}
