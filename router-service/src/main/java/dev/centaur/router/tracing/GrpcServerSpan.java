package dev.centaur.router.tracing;

import io.grpc.Context;
import io.grpc.Contexts;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.quarkus.grpc.GlobalInterceptor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.spi.Prioritized;

/**
 * Remembers the OpenTelemetry server span of each gRPC call in the call's {@link Context}, so the
 * method finds it although {@code Span.current()} there may be another span: the call is served on
 * the HTTP port and, since Quarkus' security check sits between the OpenTelemetry interceptor and
 * the method, a {@code @Blocking} method sometimes runs with the HTTP {@code POST} span current
 * instead (a sibling of the gRPC span, both children of the caller's span).
 *
 * <p>Quarkus orders global interceptors by {@link Prioritized#getPriority()}, the highest outermost;
 * its OpenTelemetry interceptor has none (0) and calls the next interceptor with the gRPC span
 * current. This one runs just inside it, so {@code Span.current()} in {@link #interceptCall} is that
 * span, and the context it attaches is current in every callback of the call, on whichever thread.
 */
@GlobalInterceptor
@ApplicationScoped
public class GrpcServerSpan implements ServerInterceptor, Prioritized {

    /** Below Quarkus' OpenTelemetry server interceptor (0), so inside it. */
    private static final int PRIORITY = -100;

    private static final Context.Key<SpanContext> SPAN = Context.key("centaur.grpc.server.span");

    /** The server span of the gRPC call being served; invalid outside a call or with tracing off. */
    public static SpanContext current() {
        SpanContext span = SPAN.get();
        return span == null ? SpanContext.getInvalid() : span;
    }

    @Override
    public int getPriority() {
        return PRIORITY;
    }

    @Override
    public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> call, Metadata headers,
            ServerCallHandler<Q, R> next) {
        SpanContext span = Span.current().getSpanContext();
        if (!span.isValid()) {
            return next.startCall(call, headers);
        }
        return Contexts.interceptCall(Context.current().withValue(SPAN, span), call, headers, next);
    }
}
