package dev.centaur.router.tracing;

import static dev.centaur.router.TestSupport.eventually;
import static dev.centaur.router.TestSupport.rows;
import static dev.centaur.router.TestSupport.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.centaur.common.v1.LabelSource;
import dev.centaur.router.RouterCalls;
import dev.centaur.router.fakes.FakePeers;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.LinkData;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.util.Arrays;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * With tracing on, an item's asynchronous path stays in the trace of the SubmitItems call that
 * brought it: the routing batch and its Predict call, the crowd hand-off and its Enqueue call, and
 * each final label write, whether the model or a later crowd report gave it. Real SDK, real gRPC.
 */
@QuarkusTest
@TestProfile(TracingOnProfile.class)
@WithTestResource(FakePeers.class)
class ItemTraceTest {

    private static final String TRACE_A = "0af7651916cd43dd8448eb211c80319c";
    private static final String TRACE_B = "4bf92f3577b34da6a3ce929d0e0e4736";
    private static final String SPAN_A = "b7ad6b7169203331";
    private static final String SPAN_B = "00f067aa0ba902b7";

    @Inject
    RouterCalls calls;

    @Inject
    InMemorySpanExporter exported;

    @Inject
    ItemTraces traces;

    @Inject
    Tracer tracer;

    @Test
    void anItemsPathFromSubmitItemsToItsFinalLabelIsOneTrace() {
        String projectId = calls.createProject(0.8, "cat", "dog");
        FakePeers.INFERENCE.registerModel(projectId, "v1", List.of("cat", "dog"));

        Span client = tracer.spanBuilder("test client submits").startSpan();
        try (Scope scope = client.makeCurrent()) {
            calls.submit(projectId, text("m-1", "cat|0.95"), text("c-1", "cat|0.6"));
        } finally {
            client.end();
        }
        String traceId = client.getSpanContext().getTraceId();
        eventually(() -> assertEquals("WITH_CROWD", calls.status(projectId, "c-1")));
        // The crowd's report arrives in a call of its own, in another trace.
        assertTrue(calls.report(projectId, "c-1", "dog", 0.8, 3, LabelSource.LABEL_SOURCE_CROWD));
        eventually(() -> assertEquals(2, FakePeers.QC.offered(projectId).size()));

        eventually(() -> {
            SpanData submit = only(rpc(SpanKind.SERVER, "SubmitItems").and(inTrace(traceId)));
            assertEquals("00-" + traceId + "-" + submit.getSpanId() + "-01", storedTraceParent(projectId, "m-1"),
                    "the item keeps the SubmitItems call's context");

            SpanData routing = only(named("router route items").and(ofProject(projectId)));
            assertEquals(traceId, routing.getTraceId());
            assertEquals(submit.getSpanId(), routing.getParentSpanId());
            only(rpc(SpanKind.CLIENT, "Predict").and(childOf(routing)));

            SpanData handoff = only(named("router enqueue at crowd").and(ofProject(projectId)));
            assertEquals(traceId, handoff.getTraceId());
            only(rpc(SpanKind.CLIENT, "Enqueue").and(childOf(handoff)));

            SpanData modelLabel = only(named("router final label").and(ofItem(projectId, "m-1")));
            assertEquals(submit.getSpanId(), modelLabel.getParentSpanId());
            assertEquals(traceId, modelLabel.getTraceId());
            assertEquals("MODEL", modelLabel.getAttributes().get(ItemTraces.LABEL_SOURCE));

            SpanData crowdLabel = only(named("router final label").and(ofItem(projectId, "c-1")));
            assertEquals(traceId, crowdLabel.getTraceId());
            assertEquals(submit.getSpanId(), crowdLabel.getParentSpanId());
            assertEquals("CROWD", crowdLabel.getAttributes().get(ItemTraces.LABEL_SOURCE));
            assertEquals(1, crowdLabel.getLinks().size());
            SpanData report = only(rpc(SpanKind.SERVER, "ReportCrowdResult")
                    .and(span -> span.getSpanId().equals(crowdLabel.getLinks().get(0).getSpanContext().getSpanId())));
            assertNotEquals(traceId, report.getTraceId(), "the report's own trace is linked, not joined");

            List<SpanData> offers = all(named("router offer to qc").and(ofProject(projectId)));
            assertFalse(offers.isEmpty());
            offers.forEach(offer -> assertEquals(traceId, offer.getTraceId()));
        });
    }

    @Test
    void aBatchFollowsItsFirstItemsTraceAndLinksTheOthers() {
        String first = "00-" + TRACE_A + "-" + SPAN_A + "-01";
        String other = "00-" + TRACE_B + "-" + SPAN_B + "-01";
        SpanContext inside = traces.inBatchSpan("test batch", "p-links",
                Arrays.asList(first, null, other, first, "not a traceparent"),
                () -> Span.current().getSpanContext());

        eventually(() -> {
            SpanData batch = only(named("test batch").and(ofProject("p-links")));
            assertEquals(inside.getSpanId(), batch.getSpanId(), "the work runs inside the batch span");
            assertEquals(TRACE_A, batch.getTraceId());
            assertEquals(SPAN_A, batch.getParentSpanId());
            assertEquals(List.of(TRACE_B + "/" + SPAN_B),
                    batch.getLinks().stream().map(ItemTraceTest::linkName).toList());
            assertEquals(5L, batch.getAttributes().get(ItemTraces.ITEMS));
        });
    }

    private static String linkName(LinkData link) {
        return link.getSpanContext().getTraceId() + "/" + link.getSpanContext().getSpanId();
    }

    private String storedTraceParent(String projectId, String itemId) {
        return rows(calls.dataSource, "SELECT trace_parent FROM router.item WHERE project_id = ? AND item_id = ?",
                projectId, itemId).get(0).get(0);
    }

    private List<SpanData> all(Predicate<SpanData> wanted) {
        return exported.getFinishedSpanItems().stream().filter(wanted).toList();
    }

    private SpanData only(Predicate<SpanData> wanted) {
        List<SpanData> found = all(wanted);
        assertEquals(1, found.size(), "spans found: " + found);
        return found.get(0);
    }

    private static Predicate<SpanData> named(String name) {
        return span -> span.getName().equals(name);
    }

    /** A gRPC span of the method; its name is the full method name. */
    private static Predicate<SpanData> rpc(SpanKind kind, String method) {
        return span -> span.getKind() == kind && span.getName().endsWith("/" + method);
    }

    private static Predicate<SpanData> inTrace(String traceId) {
        return span -> span.getTraceId().equals(traceId);
    }

    private static Predicate<SpanData> childOf(SpanData parent) {
        return span -> span.getTraceId().equals(parent.getTraceId()) && span.getParentSpanId().equals(parent.getSpanId());
    }

    private static Predicate<SpanData> ofProject(String projectId) {
        return span -> projectId.equals(span.getAttributes().get(ItemTraces.PROJECT_ID));
    }

    private static Predicate<SpanData> ofItem(String projectId, String itemId) {
        return ofProject(projectId).and(span -> itemId.equals(span.getAttributes().get(ItemTraces.ITEM_ID)));
    }
}
