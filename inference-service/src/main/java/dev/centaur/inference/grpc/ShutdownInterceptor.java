package dev.centaur.inference.grpc;

import dev.centaur.inference.service.ShutdownGate;
import dev.centaur.inference.v1.InferenceServiceGrpc;
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
 * While the replica shuts down ({@link ShutdownGate}): Train answers UNAVAILABLE at once, and a
 * call that fails because the application is stopping under it (INTERNAL) answers UNAVAILABLE too,
 * so clients retry elsewhere instead of treating it as a bug.
 */
@GlobalInterceptor
@ApplicationScoped
public class ShutdownInterceptor implements ServerInterceptor {

    static final String TRAIN = InferenceServiceGrpc.getTrainMethod().getFullMethodName();

    @Inject
    ShutdownGate gate;

    @Override
    public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> call, Metadata headers,
            ServerCallHandler<Q, R> next) {
        if (gate.draining() && TRAIN.equals(call.getMethodDescriptor().getFullMethodName())) {
            call.close(Status.UNAVAILABLE.withDescription(
                    "inference-service is shutting down and starts no training: retry (another replica trains)"),
                    new Metadata());
            return new ServerCall.Listener<>() {
            };
        }
        return next.startCall(new ForwardingServerCall.SimpleForwardingServerCall<>(call) {
            @Override
            public void close(Status status, Metadata trailers) {
                super.close(gate.draining() && status.getCode() == Status.Code.INTERNAL
                        ? Status.UNAVAILABLE.withDescription("inference-service is shutting down ("
                                + status.getDescription() + "): retry")
                        : status, trailers);
            }
        }, headers);
    }
}
