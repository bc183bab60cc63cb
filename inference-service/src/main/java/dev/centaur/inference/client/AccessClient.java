package dev.centaur.inference.client;

import dev.centaur.guard.auth.AuthorityUnavailableException;
import dev.centaur.guard.auth.Caller;
import dev.centaur.guard.auth.TokenAuthority;
import dev.centaur.inference.config.AuthConfig;
import dev.centaur.router.v1.AccessServiceGrpc.AccessServiceBlockingStub;
import dev.centaur.router.v1.AuthenticateRequest;
import dev.centaur.router.v1.AuthenticateResponse;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.quarkus.grpc.GrpcClient;
import io.quarkus.grpc.RegisterClientInterceptor;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * router-service's AccessService.Authenticate, with the service token and a short deadline: a
 * caller waits on it only for tokens inference does not remember. One attempt, no retry: the caller's
 * own retry (after UNAVAILABLE) is the retry, and it may find the answer remembered by then.
 */
@ApplicationScoped
public class AccessClient implements TokenAuthority {

    @GrpcClient("router")
    @RegisterClientInterceptor(ServiceTokenInterceptor.class)
    AccessServiceBlockingStub access;

    private final Duration deadline;

    AccessClient(AuthConfig config) {
        this.deadline = config.routerDeadline();
    }

    @Override
    public Optional<Caller> authenticate(String token) {
        try {
            AuthenticateResponse answer = access.withDeadlineAfter(deadline.toMillis(), TimeUnit.MILLISECONDS)
                    .authenticate(AuthenticateRequest.newBuilder().setToken(token).build());
            return Optional.of(new Caller(answer.getSubject(), answer.getRole()));
        } catch (StatusRuntimeException e) {
            if (e.getStatus().getCode() == Status.Code.NOT_FOUND) {
                return Optional.empty();
            }
            throw new AuthorityUnavailableException("cannot check the bearer token now: router-service's "
                    + "AccessService.Authenticate answered " + e.getStatus().getCode()
                    + (e.getStatus().getDescription() == null ? "" : " (" + e.getStatus().getDescription() + ")")
                    + " and inference remembers no answer for this token; retry", e);
        }
    }
}
