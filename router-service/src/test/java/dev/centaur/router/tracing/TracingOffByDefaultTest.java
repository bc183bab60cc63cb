package dev.centaur.router.tracing;

import static dev.centaur.router.TestSupport.eventually;
import static dev.centaur.router.TestSupport.rows;
import static dev.centaur.router.TestSupport.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.centaur.common.v1.LabelSource;
import dev.centaur.router.RouterCalls;
import dev.centaur.router.fakes.FakePeers;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** With the shipped configuration tracing is off: no span is exported and no item carries a trace context. */
@QuarkusTest
@WithTestResource(FakePeers.class)
class TracingOffByDefaultTest {

    @Inject
    RouterCalls calls;

    @Inject
    InMemorySpanExporter exported;

    @Inject
    OpenTelemetry openTelemetry;

    @Test
    void byDefaultNoSpanIsExportedAndItemsCarryNoTraceContext() {
        String projectId = calls.createProject(0.8, "cat", "dog");
        FakePeers.INFERENCE.registerModel(projectId, "v1", List.of("cat", "dog"));

        calls.submit(projectId, text("m-1", "cat|0.95"), text("c-1", "cat|0.6"));
        eventually(() -> assertEquals("WITH_CROWD", calls.status(projectId, "c-1")));
        assertTrue(calls.report(projectId, "c-1", "dog", 0.8, 3, LabelSource.LABEL_SOURCE_CROWD));
        eventually(() -> assertEquals(2, FakePeers.QC.offered(projectId).size()));

        // Whatever a span processor might still hold is exported now.
        if (openTelemetry instanceof OpenTelemetrySdk sdk) {
            sdk.getSdkTracerProvider().forceFlush().join(5, TimeUnit.SECONDS);
        }
        assertEquals(List.of(), exported.getFinishedSpanItems());
        assertEquals(List.of(List.of("null"), List.of("null")), rows(calls.dataSource,
                "SELECT trace_parent FROM router.item WHERE project_id = ? ORDER BY item_id", projectId));
    }
}
