package dev.centaur.crowd.security;

import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.StatusException;
import io.quarkus.grpc.auth.AuthExceptionHandler;
import io.quarkus.grpc.auth.AuthExceptionHandlerProvider;
import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Singleton;

/**
 * Turns security failures into crowd's statuses: UNAUTHENTICATED with what was wrong with the token,
 * PERMISSION_DENIED for a role that may not call (named by {@link AuthStatusInterceptor}), and
 * UNAVAILABLE when the token could not be checked. Quarkus' default provider leaves descriptions out
 * outside dev and test mode, and knows nothing of the last.
 */
@Alternative
@Priority(1)
@Singleton
public class CrowdAuthExceptionHandlerProvider implements AuthExceptionHandlerProvider {

    @Override
    public int getPriority() {
        return DEFAULT_PRIORITY + 1;
    }

    @Override
    public <Q, R> AuthExceptionHandler<Q, R> createHandler(ServerCall.Listener<Q> listener, ServerCall<Q, R> call,
            Metadata metadata) {
        return new AuthExceptionHandler<>(listener, call, metadata, true) {
            @Override
            protected void handleException(Throwable failure, ServerCall<Q, R> serverCall, Metadata trailers) {
                if (AuthStatuses.isAuthFailure(failure)) {
                    serverCall.close(AuthStatuses.toStatus(failure), trailers);
                } else {
                    super.handleException(failure, serverCall, trailers);
                }
            }
        };
    }

    @Override
    public boolean handlesException(Throwable failure) {
        return AuthStatuses.isAuthFailure(failure);
    }

    @Override
    public StatusException transformToStatusException(Throwable failure) {
        return new StatusException(AuthStatuses.toStatus(failure));
    }
}
