package dev.centaur.crowd.client;

import dev.centaur.crowd.config.AuthConfig;
import dev.centaur.crowd.security.AuthUnavailableException;
import dev.centaur.guard.BearerTokens;
import dev.centaur.guard.ExpiringCache;
import dev.centaur.guard.Roles;
import dev.centaur.router.v1.AccessServiceGrpc;
import dev.centaur.router.v1.AuthenticateRequest;
import dev.centaur.router.v1.AuthenticateResponse;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.quarkus.grpc.GrpcClient;
import io.quarkus.grpc.RegisterClientInterceptor;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Asks router's AccessService who holds a token crowd does not know itself (router issues the
 * admin, client and expert tokens), with the service token and a short deadline, and remembers
 * the answer: a known token for {@code centaur.auth.cache-ttl}, an unknown one for
 * {@code centaur.auth.negative-cache-ttl}. One call, no retry: a caller refused with UNAVAILABLE
 * retries itself, and a token is looked up again on its next call.
 */
@ApplicationScoped
public class RouterAccessClient {

    private static final Logger LOG = Logger.getLogger(RouterAccessClient.class);

    /** Who router says holds a token. */
    public record IssuedTo(String role, String subject) {
    }

    @GrpcClient("router")
    @RegisterClientInterceptor(ServiceTokenClientInterceptor.class)
    AccessServiceGrpc.AccessServiceBlockingStub access;

    @Inject
    AuthConfig config;

    /** By the token's SHA-256: who holds it, or empty for a token router does not know. */
    private ExpiringCache<String, Optional<IssuedTo>> answers;

    @PostConstruct
    void createCache() {
        answers = new ExpiringCache<>(config.cacheMaxEntries());
    }

    /**
     * Who holds the token according to router (or its cached answer); empty when router does not
     * know it or it was revoked.
     *
     * @throws AuthUnavailableException when router did not answer and nothing is cached
     */
    public Optional<IssuedTo> authenticate(String token) {
        String key = BearerTokens.sha256Hex(token);
        Optional<Optional<IssuedTo>> cached = answers.get(key);
        if (cached.isPresent()) {
            return cached.get();
        }
        try {
            AuthenticateResponse response = access
                    .withDeadlineAfter(config.authenticateDeadline().toMillis(), TimeUnit.MILLISECONDS)
                    .authenticate(AuthenticateRequest.newBuilder().setToken(token).build());
            if (!Roles.ISSUABLE.contains(response.getRole())) {
                // Router issues admin, client and expert tokens only; never take another role from it.
                LOG.warnf("Router said token %s has role '%s', which router does not issue: refused",
                        response.getTokenId(), response.getRole());
                return remember(key, Optional.empty());
            }
            return remember(key, Optional.of(new IssuedTo(response.getRole(), response.getSubject())));
        } catch (StatusRuntimeException e) {
            Status.Code code = e.getStatus().getCode();
            if (code == Status.Code.NOT_FOUND || code == Status.Code.INVALID_ARGUMENT) {
                return remember(key, Optional.empty());
            }
            throw new AuthUnavailableException("cannot check the bearer token: router-service's "
                    + "AccessService.Authenticate failed (" + code + ": " + e.getStatus().getDescription()
                    + ") and crowd has no recent answer about this token; retry", e);
        }
    }

    private Optional<IssuedTo> remember(String key, Optional<IssuedTo> answer) {
        answers.put(key, answer, (answer.isPresent() ? config.cacheTtl() : config.negativeCacheTtl()).toNanos());
        return answer;
    }
}
