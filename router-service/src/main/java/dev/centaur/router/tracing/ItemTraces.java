package dev.centaur.router.tracing;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.ContextKey;
import io.opentelemetry.context.Scope;
import io.opentelemetry.context.propagation.TextMapGetter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Keeps an item's path in the trace of the SubmitItems call that brought it, although the path is
 * asynchronous: the call's W3C traceparent is stored with the item, and each worker that later
 * handles the item starts its span from the stored context. A batch of items gets one span, the
 * child of its first item's context and linked to the other items' contexts (OpenTelemetry's way
 * for batches); a single item's step (its final label) gets a span in that item's own trace.
 * With the SDK disabled (the default) nothing is stored and no span is started.
 */
@ApplicationScoped
public class ItemTraces {

    public static final AttributeKey<String> PROJECT_ID = AttributeKey.stringKey("centaur.project_id");
    public static final AttributeKey<String> ITEM_ID = AttributeKey.stringKey("centaur.item_id");
    public static final AttributeKey<Long> ITEMS = AttributeKey.longKey("centaur.items");
    public static final AttributeKey<String> LABEL = AttributeKey.stringKey("centaur.label");
    public static final AttributeKey<String> LABEL_SOURCE = AttributeKey.stringKey("centaur.label_source");

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

    /** Marks the spans this class makes current, so {@link #currentSpanContext()} knows them. */
    private static final ContextKey<Span> OWN_SPAN = ContextKey.named("centaur.item-traces.span");

    /** The W3C traceparent of the current span, to store with an item; null when nothing is traced. */
    public static String currentTraceParent() {
        SpanContext current = currentSpanContext();
        if (!current.isValid()) {
            return null;
        }
        Map<String, String> carrier = new HashMap<>();
        W3CTraceContextPropagator.getInstance().inject(Context.root().with(Span.wrap(current)), carrier, Map::put);
        return carrier.get(TRACEPARENT);
    }

    /**
     * The span the work at hand belongs to: a span of this class (a batch, an item's step) when one
     * is current; else, inside a gRPC call, that call's server span ({@link GrpcServerSpan}), which
     * {@code Span.current()} is not always in a {@code @Blocking} method; else the current span.
     */
    static SpanContext currentSpanContext() {
        Context context = Context.current();
        Span span = Span.fromContext(context);
        if (span.getSpanContext().isValid() && context.get(OWN_SPAN) == span) {
            return span.getSpanContext();
        }
        SpanContext call = GrpcServerSpan.current();
        return call.isValid() ? call : span.getSpanContext();
    }

    /** The span context a stored traceparent names; invalid when there is none or it does not parse. */
    public static SpanContext storedContext(String traceParent) {
        if (traceParent == null) {
            return SpanContext.getInvalid();
        }
        Context extracted = W3CTraceContextPropagator.getInstance().extract(Context.root(), traceParent, STORED);
        return Span.fromContext(extracted).getSpanContext();
    }

    /**
     * Runs a batch's work (its peer call, its writes) in one span: the child of the first item's
     * stored context, linked to the other items' contexts, so each item's trace reaches the batch.
     */
    public <T> T inBatchSpan(String name, String projectId, Collection<String> itemTraceParents,
            Supplier<T> work) {
        if (sdkDisabled) {
            return work.get();
        }
        Set<SpanContext> contexts = new LinkedHashSet<>();
        for (String traceParent : itemTraceParents) {
            SpanContext stored = storedContext(traceParent);
            if (stored.isValid()) {
                contexts.add(stored);
            }
        }
        SpanBuilder builder = tracer.spanBuilder(name)
                .setAttribute(PROJECT_ID, projectId)
                .setAttribute(ITEMS, (long) itemTraceParents.size());
        boolean first = true;
        for (SpanContext context : contexts) {
            if (first) {
                builder.setParent(Context.root().with(Span.wrap(context)));
                first = false;
            } else {
                builder.addLink(context);
            }
        }
        if (first) {
            // No stored context (tracing was off at submission): the batch starts its own trace.
            builder.setNoParent();
        }
        return run(builder.startSpan(), work);
    }

    /**
     * Runs one item's step in a span of the item's own trace (the stored context), linked to the
     * current span (the batch or the call that caused the step) when that lies in another trace.
     */
    public <T> T inItemSpan(String name, String projectId, String itemId, String itemTraceParent,
            Map<AttributeKey<String>, String> attributes, Supplier<T> work) {
        if (sdkDisabled) {
            return work.get();
        }
        SpanContext stored = storedContext(itemTraceParent);
        SpanBuilder builder = tracer.spanBuilder(name)
                .setAttribute(PROJECT_ID, projectId)
                .setAttribute(ITEM_ID, itemId);
        attributes.forEach(builder::setAttribute);
        if (stored.isValid()) {
            SpanContext current = currentSpanContext();
            builder.setParent(Context.root().with(Span.wrap(stored)));
            if (current.isValid() && !current.getTraceId().equals(stored.getTraceId())) {
                builder.addLink(current);
            }
        }
        return run(builder.startSpan(), work);
    }

    private static <T> T run(Span span, Supplier<T> work) {
        try (Scope scope = Context.current().with(span).with(OWN_SPAN, span).makeCurrent()) {
            return work.get();
        } catch (RuntimeException e) {
            span.recordException(e);
            span.setStatus(StatusCode.ERROR, e.getMessage());
            throw e;
        } finally {
            span.end();
        }
    }
}
