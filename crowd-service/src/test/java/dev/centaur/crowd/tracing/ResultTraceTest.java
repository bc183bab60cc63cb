package dev.centaur.crowd.tracing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.centaur.crowd.support.CrowdTestSupport;
import dev.centaur.crowd.support.RecordingRouterResource;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * With tracing on, the crowd's report of an item's result continues the trace of the Enqueue call
 * that brought the item (router's hand-off), although answers and aggregation happen in between.
 */
@QuarkusTest
@TestProfile(TracingOnProfile.class)
@WithTestResource(value = RecordingRouterResource.class, scope = TestResourceScope.GLOBAL)
class ResultTraceTest extends CrowdTestSupport {

    private static final Duration REPORT_TIMEOUT = Duration.ofSeconds(15);

    @Inject
    InMemorySpanExporter exported;

    @Inject
    Tracer tracer;

    @Test
    void theResultIsReportedInTheTraceOfTheEnqueueCall() {
        String projectId = newProjectId();
        upsertProject(projectId, 1, "a", "b");
        Span router = tracer.spanBuilder("test router hands off").startSpan();
        try (Scope scope = router.makeCurrent()) {
            enqueueTexts(projectId, "item-1");
        } finally {
            router.end();
        }
        String traceId = router.getSpanContext().getTraceId();
        TestAnnotator ann = registerAnnotator("ann");
        ann.answer(ann.nextTask(projectId).getAssignmentId(), "b");
        awaitTrue("the report", REPORT_TIMEOUT, () -> RecordingRouterResource.ROUTER.reportsFor(projectId).size() == 1);

        awaitTrue("the report's spans", REPORT_TIMEOUT, () -> !all(named("crowd report result")
                .and(span -> projectId.equals(span.getAttributes().get(ItemTraces.PROJECT_ID)))).isEmpty());
        SpanData enqueue = only(rpc(SpanKind.SERVER, "Enqueue").and(span -> span.getTraceId().equals(traceId)));
        assertEquals("00-" + traceId + "-" + enqueue.getSpanId() + "-01", db.text(
                "SELECT trace_parent FROM crowd.item WHERE project_id = ? AND item_id = ?", projectId, "item-1"));
        SpanData report = only(named("crowd report result")
                .and(span -> projectId.equals(span.getAttributes().get(ItemTraces.PROJECT_ID))));
        assertEquals("item-1", report.getAttributes().get(ItemTraces.ITEM_ID));
        assertEquals(traceId, report.getTraceId());
        assertEquals(enqueue.getSpanId(), report.getParentSpanId());
        awaitTrue("the ReportCrowdResult call's span", REPORT_TIMEOUT, () -> all(rpc(SpanKind.CLIENT,
                "ReportCrowdResult").and(span -> span.getParentSpanId().equals(report.getSpanId()))).size() == 1);
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
}
