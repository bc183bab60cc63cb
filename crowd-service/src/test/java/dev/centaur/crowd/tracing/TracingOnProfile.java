package dev.centaur.crowd.tracing;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/** Tracing switched on as an operator would, with spans kept in memory instead of sent over OTLP. */
public class TracingOnProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "quarkus.otel.sdk.disabled", "false",
                // No collector in the tests: only the in-memory exporter bean receives the spans.
                "quarkus.otel.exporter.otlp.enabled", "false",
                "quarkus.otel.bsp.schedule.delay", "20ms");
    }
}
