package dev.centaur.inference.health;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.eclipse.microprofile.health.HealthCheckResponse;
import org.junit.jupiter.api.Test;

class ActiveModelReadinessCheckTest {

    @Test
    void upWithoutModelsWhenNoneIsRequired() {
        assertEquals(HealthCheckResponse.Status.UP, ActiveModelReadinessCheck.check(false, 0, "").getStatus());
    }

    @Test
    void downWithoutModelsWhenOneIsRequired() {
        assertEquals(HealthCheckResponse.Status.DOWN, ActiveModelReadinessCheck.check(true, 0, "").getStatus());
    }

    @Test
    void upWithAModelWhenOneIsRequired() {
        HealthCheckResponse response = ActiveModelReadinessCheck.check(true, 1, "spam");
        assertEquals(HealthCheckResponse.Status.UP, response.getStatus());
        assertEquals("spam", response.getData().orElseThrow().get("models"));
    }
}
