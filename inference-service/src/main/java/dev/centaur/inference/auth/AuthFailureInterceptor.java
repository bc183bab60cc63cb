package dev.centaur.inference.auth;

import io.grpc.ForwardingServerCall;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.Status;
import io.quarkus.grpc.GlobalInterceptor;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Two gaps in Quarkus' gRPC security, closed for every call. A role refusal of a Mutiny method
 * reaches the call without the method or the role: named here as the call closes. And a method
 * checked as the call starts (a streaming one, run @Blocking) fails there, outside Quarkus'
 * handler, which would leave the call open: answered here like any other auth failure. Runs inside
 * Quarkus' security and blocking interceptors (default priority), so on the thread that checks.
 */
@GlobalInterceptor
@ApplicationScoped
public class AuthFailureInterceptor implements ServerInterceptor {

    private final AuthStatuses statuses;

    AuthFailureInterceptor(AuthStatuses statuses) {
        this.statuses = statuses;
    }

    @Override
    public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> call, Metadata headers,
            ServerCallHandler<Q, R> next) {
        ServerCall<Q, R> naming = new ForwardingServerCall.SimpleForwardingServerCall<>(call) {
            @Override
            public void close(Status status, Metadata trailers) {
                super.close(statuses.named(status, call, headers), trailers);
            }
        };
        try {
            return next.startCall(naming, headers);
        } catch (RuntimeException failure) {
            if (!statuses.handlesException(failure)) {
                throw failure;
            }
            naming.close(AuthStatuses.status(failure), new Metadata());
            return new ServerCall.Listener<>() {
            };
        }
    }
}
