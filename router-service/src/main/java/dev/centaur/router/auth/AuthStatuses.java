package dev.centaur.router.auth;

import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.Status;
import io.grpc.StatusException;
import io.quarkus.grpc.auth.AuthExceptionHandler;
import io.quarkus.grpc.auth.AuthExceptionHandlerProvider;
import io.quarkus.security.AuthenticationException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Singleton;
import java.util.Optional;

/**
 * Router's statuses for failed security checks, replacing Quarkus' defaults (which say
 * PERMISSION_DENIED to a caller without a token, and give no description outside dev and test):
 * no or an unknown token is UNAUTHENTICATED, a role that may not call is PERMISSION_DENIED (named
 * by {@link DeniedCallInterceptor}), and a token table out of reach is UNAVAILABLE. An alternative,
 * so that it is the one bean Quarkus' gRPC exception handling resolves.
 */
@Alternative
@Priority(1)
@Singleton
public class AuthStatuses implements AuthExceptionHandlerProvider {

    /** Replaced with the method and the caller's role on the way out. */
    static final String ROLE_MAY_NOT_CALL = "the caller's role may not call this method";
    /** Bounds the walk through causes (they may form a cycle). */
    private static final int MAX_CAUSES = 16;

    @Override
    public int getPriority() {
        return DEFAULT_PRIORITY + 1;
    }

    @Override
    public <ReqT, RespT> AuthExceptionHandler<ReqT, RespT> createHandler(ServerCall.Listener<ReqT> listener,
            ServerCall<ReqT, RespT> serverCall, Metadata metadata) {
        return new AuthExceptionHandler<>(listener, serverCall, metadata) {
            @Override
            protected void handleException(Throwable failure, ServerCall<ReqT, RespT> call, Metadata trailers) {
                Optional<Status> status = statusOf(failure);
                if (status.isPresent()) {
                    call.close(status.get(), trailers);
                } else {
                    super.handleException(failure, call, trailers);
                }
            }
        };
    }

    @Override
    public boolean handlesException(Throwable failure) {
        return statusOf(failure).isPresent();
    }

    @Override
    public StatusException transformToStatusException(Throwable failure) {
        return statusOf(failure).orElseThrow(() -> new IllegalStateException("not a security failure", failure))
                .asException();
    }

    /** The status for a security failure anywhere in the cause chain; empty for any other failure. */
    static Optional<Status> statusOf(Throwable failure) {
        int depth = 0;
        for (Throwable cause = failure; cause != null && depth < MAX_CAUSES; cause = cause.getCause(), depth++) {
            if (cause instanceof CallerLookupUnavailableException) {
                return Optional.of(Status.UNAVAILABLE.withDescription(cause.getMessage()));
            }
        }
        depth = 0;
        for (Throwable cause = failure; cause != null && depth < MAX_CAUSES; cause = cause.getCause(), depth++) {
            if (cause instanceof UnauthorizedException) {
                // Quarkus' check for a caller without identity: only possible without a token here.
                return Optional.of(Status.UNAUTHENTICATED.withDescription(CallerIdentityProvider.MISSING_HEADER));
            }
            if (cause instanceof AuthenticationException) {
                return Optional.of(Status.UNAUTHENTICATED.withDescription(
                        cause.getMessage() == null ? "the bearer token was not accepted" : cause.getMessage()));
            }
            if (cause instanceof ForbiddenException) {
                return Optional.of(Status.PERMISSION_DENIED.withDescription(ROLE_MAY_NOT_CALL));
            }
            if (cause instanceof SecurityException) {
                return Optional.of(Status.PERMISSION_DENIED.withDescription(
                        cause.getMessage() == null ? ROLE_MAY_NOT_CALL : cause.getMessage()));
            }
        }
        return Optional.empty();
    }
}
