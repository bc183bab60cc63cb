package dev.centaur.deploy.check;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ShutdownChecksTest {

    @Test
    void durationsAreReadAsQuarkusReadsThem() {
        assertEquals(Duration.ofSeconds(15), ShutdownChecks.quarkusDuration("15"));
        assertEquals(Duration.ofSeconds(5), ShutdownChecks.quarkusDuration("5s"));
        assertEquals(Duration.ofMillis(500), ShutdownChecks.quarkusDuration("500ms"));
        assertEquals(Duration.ofMinutes(2), ShutdownChecks.quarkusDuration("2m"));
        assertEquals(Duration.ofMillis(1500), ShutdownChecks.quarkusDuration("1.5s"));
        assertEquals(Duration.ofDays(1), ShutdownChecks.quarkusDuration("1d"));
        assertEquals(Duration.ofSeconds(20), ShutdownChecks.quarkusDuration(" PT20S "));
    }
}
