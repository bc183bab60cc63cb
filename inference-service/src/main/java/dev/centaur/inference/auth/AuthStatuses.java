package dev.centaur.inference.auth;

import dev.centaur.guard.BearerTokens;
import dev.centaur.guard.auth.AuthorityUnavailableException;
import dev.centaur.guard.auth.Caller;
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

/**
 * How auth failures become gRPC statuses, with a description in every mode (Quarkus' default
 * leaves it out in production): no or unknown token UNAUTHENTICATED, a role that may not call
 * PERMISSION_DENIED naming the method and the role, router unreachable with nothing remembered
 * UNAVAILABLE, so the caller retries instead of dropping a good token.
 */
@Singleton
@Alternative
@Priority(1)
public class AuthStatuses implements AuthExceptionHandlerProvider {

    private final BearerIdentityProvider identities;

    AuthStatuses(BearerIdentityProvider identities) {
        this.identities = identities;
    }

    @Override
    public int getPriority() {
        return DEFAULT_PRIORITY + 1;
    }

    @Override
    public <Q, R> AuthExceptionHandler<Q, R> createHandler(ServerCall.Listener<Q> listener, ServerCall<Q, R> call,
            Metadata metadata) {
        return new AuthExceptionHandler<>(listener, call, metadata) {
            @Override
            protected void handleException(Throwable failure, ServerCall<Q, R> serverCall, Metadata headers) {
                if (!handlesException(failure)) {
                    super.handleException(failure, serverCall, headers);
                    return;
                }
                serverCall.close(named(status(failure), serverCall, headers), new Metadata());
            }
        };
    }

    @Override
    public boolean handlesException(Throwable failure) {
        return failure instanceof AuthenticationException || failure instanceof SecurityException
                || failure instanceof AuthorityUnavailableException;
    }

    /** Where the call is not known (Mutiny methods): AuthFailureInterceptor names it as the call closes. */
    @Override
    public StatusException transformToStatusException(Throwable failure) {
        return status(failure).asException();
    }

    static Status status(Throwable failure) {
        if (failure instanceof AuthorityUnavailableException) {
            return Status.UNAVAILABLE.withDescription(failure.getMessage());
        }
        if (failure instanceof UnauthorizedException) {
            // @RolesAllowed met an anonymous caller: only possible without a token.
            return Status.UNAUTHENTICATED.withDescription(BearerIdentityProvider.MISSING);
        }
        if (failure instanceof AuthenticationException) {
            return Status.UNAUTHENTICATED.withDescription(failure.getMessage() == null
                    ? BearerIdentityProvider.UNKNOWN : failure.getMessage());
        }
        // The cause marks a role refusal still to be named with the method and the role.
        return Status.PERMISSION_DENIED.withDescription("the caller's role may not call this method")
                .withCause(failure instanceof ForbiddenException ? failure : new ForbiddenException(failure));
    }

    /** A role refusal named with the call's method and the caller's role (known without asking router). */
    Status named(Status status, ServerCall<?, ?> call, Metadata headers) {
        if (status.getCode() != Status.Code.PERMISSION_DENIED || !(status.getCause() instanceof ForbiddenException)) {
            return status;
        }
        String role = BearerTokens.fromHeader(headers.get(BearerGrpcMechanism.AUTHORIZATION))
                .flatMap(identities::known).map(Caller::role).map(r -> "role '" + r + "'")
                .orElse("the caller's role");
        return Status.PERMISSION_DENIED.withDescription(role + " may not call "
                + call.getMethodDescriptor().getFullMethodName());
    }
}
