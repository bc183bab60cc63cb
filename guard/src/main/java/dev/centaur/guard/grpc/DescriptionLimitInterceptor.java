package dev.centaur.guard.grpc;

import io.grpc.ForwardingServerCall;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.Status;

/**
 * Keeps every status description short enough for the HTTP/2 trailer that carries it. A refusal
 * that quotes the bad value ("project_id "xxxx..." does not match ...") would otherwise, for a
 * 1 MiB value, exceed the client's header-list limit (8 KiB in grpc-java): the stream is reset and
 * the client sees INTERNAL instead of the service's INVALID_ARGUMENT.
 */
public final class DescriptionLimitInterceptor implements ServerInterceptor {

    /** Characters of a description that are kept; the rest is replaced by a note of its length. */
    public static final int MAX_DESCRIPTION_CHARS = 1000;

    @Override
    public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> call, Metadata headers,
            ServerCallHandler<Q, R> next) {
        return next.startCall(new ForwardingServerCall.SimpleForwardingServerCall<>(call) {
            @Override
            public void close(Status status, Metadata trailers) {
                super.close(limit(status), trailers);
            }
        }, headers);
    }

    static Status limit(Status status) {
        String description = status.getDescription();
        if (description == null || description.length() <= MAX_DESCRIPTION_CHARS) {
            return status;
        }
        return status.withDescription(description.substring(0, MAX_DESCRIPTION_CHARS) + "... ("
                + description.length() + " characters in all)");
    }
}
