package dev.centaur.guard.grpc;

import io.grpc.ForwardingServerCall;
import io.grpc.ForwardingServerCallListener;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.Status;
import com.google.protobuf.Message;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Bytes that do not parse as the method's request message get INVALID_ARGUMENT naming the message
 * type, not INTERNAL.
 *
 * <p>Why it is needed: Quarkus's gRPC server on the HTTP port (Vert.x transport) drops a request
 * whose bytes fail to parse and then delivers the half-close, so the service would answer
 * INTERNAL "Half-closed without a request" (unary) or end a stream with nothing. Every valid
 * request, even an empty one, reaches {@code onMessage}; so a half-close before any message means
 * the client sent none that parsed, and this interceptor answers it before the method runs.
 * A stream (client or bidirectional) whose later messages fail to parse cannot be told apart this
 * way: those messages are dropped.
 *
 * <p>A request with a NUL character (U+0000) in any text field is refused here too, naming the
 * field: PostgreSQL's text cannot hold it, so it would otherwise fail deep in a write as INTERNAL.
 */
public final class MalformedRequestInterceptor implements ServerInterceptor {

    /** How much of a bad value a refusal quotes. */
    private static final int QUOTED_CHARS = 80;

    @Override
    public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> call, Metadata headers,
            ServerCallHandler<Q, R> next) {
        AtomicBoolean closed = new AtomicBoolean();
        ServerCall<Q, R> tracked = new ForwardingServerCall.SimpleForwardingServerCall<>(call) {
            @Override
            public void close(Status status, Metadata trailers) {
                closed.set(true);
                super.close(status, trailers);
            }
        };
        ServerCall.Listener<Q> delegate = next.startCall(tracked, headers);
        AtomicBoolean received = new AtomicBoolean();
        AtomicBoolean refused = new AtomicBoolean();
        return new ForwardingServerCallListener.SimpleForwardingServerCallListener<>(delegate) {
            @Override
            public void onMessage(Q message) {
                received.set(true);
                if (refused.get()) {
                    return;
                }
                Optional<TextFields.NulField> nul = message instanceof Message proto
                        ? TextFields.firstWithNul(proto) : Optional.empty();
                if (nul.isPresent()) {
                    refused.set(true);
                    if (!closed.getAndSet(true)) {
                        call.close(Status.INVALID_ARGUMENT.withDescription(nul.get().path() + " \""
                                + abbreviate(nul.get().value()) + "\" contains a NUL character (U+0000), which text"
                                + " may not hold"), new Metadata());
                    }
                    return;
                }
                super.onMessage(message);
            }

            @Override
            public void onHalfClose() {
                if (refused.get()) {
                    return;
                }
                if (!received.get()) {
                    if (closed.get()) {
                        return; // already answered (for example UNAUTHENTICATED): nothing to add
                    }
                    refused.set(true);
                    closed.set(true);
                    call.close(Status.INVALID_ARGUMENT.withDescription("the request is not a valid "
                            + requestType(call.getMethodDescriptor()) + " message: its bytes do not parse as"
                            + " protobuf, or none were sent"), new Metadata());
                    return;
                }
                super.onHalfClose();
            }

            @Override
            public void onReady() {
                if (!refused.get()) {
                    super.onReady();
                }
            }
        };
    }

    /** A value short enough to quote in a refusal, its NULs shown as {@code \0} (a raw one does not survive the trailer). */
    static String abbreviate(String value) {
        String shown = value.length() <= QUOTED_CHARS ? value : value.substring(0, QUOTED_CHARS) + "... (" + value.length()
                + " characters)";
        return shown.replace("\0", "\\0");
    }

    /** The request message's type name, e.g. {@code SubmitItemsRequest}. */
    static String requestType(MethodDescriptor<?, ?> method) {
        if (method.getRequestMarshaller() instanceof MethodDescriptor.PrototypeMarshaller<?> prototyped
                && prototyped.getMessagePrototype() != null) {
            return prototyped.getMessagePrototype().getClass().getSimpleName();
        }
        return method.getFullMethodName() + " request";
    }
}
