package dev.centaur.router.grpc;

import dev.centaur.router.service.ShutdownGate;
import io.grpc.ForwardingServerCall;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.Status;
import io.quarkus.grpc.GlobalInterceptor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * While the replica shuts down ({@link ShutdownGate}), a call that fails because the application
 * is stopping under it (INTERNAL) answers UNAVAILABLE, so clients retry elsewhere instead of
 * treating it as a bug. Every write is one transaction, so a retry finds nothing half-done.
 */
@GlobalInterceptor
@ApplicationScoped
public class ShutdownInterceptor implements ServerInterceptor {

    @Inject
    ShutdownGate gate;

    @Override
    public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> call, Metadata headers,
            ServerCallHandler<Q, R> next) {
        return next.startCall(new ForwardingServerCall.SimpleForwardingServerCall<>(call) {
            @Override
            public void close(Status status, Metadata trailers) {
                super.close(gate.draining() && status.getCode() == Status.Code.INTERNAL
                        ? Status.UNAVAILABLE.withDescription("router-service is shutting down ("
                                + status.getDescription() + "): retry")
                        : status, trailers);
            }
        }, headers);
    }
}
