package dev.centaur.crowd.security;

import io.grpc.Status;
import io.quarkus.security.AuthenticationException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;

/** The statuses of refused or uncheckable callers, in one place for gRPC (and the web API's mapper). */
final class AuthStatuses {

    /** Description of a role refusal before {@link AuthStatusInterceptor} names the method and role. */
    static final String FORBIDDEN = "the caller's role may not call this method";
    /** Bounds the walk through causes. */
    private static final int MAX_CAUSES = 16;

    private AuthStatuses() {
    }

    /** Whether the failure is the security layer's (or a token that could not be checked). */
    static boolean isAuthFailure(Throwable failure) {
        return find(failure, AuthUnavailableException.class) != null || find(failure, SecurityException.class) != null
                || find(failure, AuthenticationException.class) != null;
    }

    static Status toStatus(Throwable failure) {
        AuthUnavailableException unavailable = find(failure, AuthUnavailableException.class);
        if (unavailable != null) {
            return Status.UNAVAILABLE.withDescription(unavailable.getMessage());
        }
        if (find(failure, ForbiddenException.class) != null) {
            return Status.PERMISSION_DENIED.withDescription(FORBIDDEN);
        }
        if (find(failure, UnauthorizedException.class) != null) {
            return Status.UNAUTHENTICATED.withDescription(Callers.MISSING_HEADER);
        }
        AuthenticationException refused = find(failure, AuthenticationException.class);
        if (refused instanceof Throwable thrown) {
            return Status.UNAUTHENTICATED.withDescription(thrown.getMessage() == null || thrown.getMessage().isBlank()
                    ? Callers.UNKNOWN_TOKEN : thrown.getMessage());
        }
        return Status.PERMISSION_DENIED.withDescription(FORBIDDEN);
    }

    private static <T> T find(Throwable failure, Class<T> type) {
        Throwable cause = failure;
        for (int depth = 0; cause != null && depth < MAX_CAUSES; depth++, cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return type.cast(cause);
            }
        }
        return null;
    }
}
