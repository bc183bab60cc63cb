package dev.centaur.crowd.tracing;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.context.propagation.TextMapGetter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Keeps an item's asynchronous path in one trace: the W3C traceparent of the Enqueue call (router
 * propagates it in the gRPC metadata) is stored with the item and its result, and the outbox
 * worker reports the result in a span of that trace. With the SDK disabled (the default) nothing
 * is stored and no span is started.
 */
@ApplicationScoped
public class ItemTraces {

    public static final AttributeKey<String> PROJECT_ID = AttributeKey.stringKey("centaur.project_id");
    public static final AttributeKey<String> ITEM_ID = AttributeKey.stringKey("centaur.item_id");

    private static final String TRACEPARENT = "traceparent";

    private static final TextMapGetter<String> STORED = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(String traceParent) {
            return List.of(TRACEPARENT);
        }

        @Override
        public String get(String traceParent, String key) {
            return TRACEPARENT.equals(key) ? traceParent : null;
        }
    };

    @Inject
    Tracer tracer;

    /** Quarkus' own switch; when set, the SDK still hands out spans that nobody exports, so none are made. */
    @ConfigProperty(name = "quarkus.otel.sdk.disabled", defaultValue = "false")
    boolean sdkDisabled;

    /** The W3C traceparent of the current span, to store with an item; null when nothing is traced. */
    public static String currentTraceParent() {
        if (!Span.current().getSpanContext().isValid()) {
            return null;
        }
        Map<String, String> carrier = new HashMap<>();
        W3CTraceContextPropagator.getInstance().inject(Context.current(), carrier, Map::put);
        return carrier.get(TRACEPARENT);
    }

    /** The span context a stored traceparent names; invalid when there is none or it does not parse. */
    public static SpanContext storedContext(String traceParent) {
        if (traceParent == null) {
            return SpanContext.getInvalid();
        }
        Context extracted = W3CTraceContextPropagator.getInstance().extract(Context.root(), traceParent, STORED);
        return Span.fromContext(extracted).getSpanContext();
    }

    /** Runs one item's step in a span whose parent is the item's stored context (a new trace without one). */
    public void inItemSpan(String name, String projectId, String itemId, String itemTraceParent, Runnable work) {
        if (sdkDisabled) {
            work.run();
            return;
        }
        SpanContext stored = storedContext(itemTraceParent);
        SpanBuilder builder = tracer.spanBuilder(name)
                .setAttribute(PROJECT_ID, projectId)
                .setAttribute(ITEM_ID, itemId);
        if (stored.isValid()) {
            builder.setParent(Context.root().with(Span.wrap(stored)));
        } else {
            builder.setNoParent();
        }
        Span span = builder.startSpan();
        try (Scope scope = span.makeCurrent()) {
            work.run();
        } catch (RuntimeException e) {
            span.recordException(e);
            span.setStatus(StatusCode.ERROR, e.getMessage());
            throw e;
        } finally {
            span.end();
        }
    }
}
