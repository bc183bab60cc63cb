package dev.centaur.router.auth;

import static dev.centaur.router.TestSupport.assertFails;
import static dev.centaur.router.TestSupport.pause;
import static dev.centaur.router.auth.Bearer.as;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.centaur.guard.grpc.LimitsInterceptor;
import dev.centaur.router.fakes.FakePeers;
import dev.centaur.router.service.AccessTokens;
import dev.centaur.router.v1.AccessServiceGrpc.AccessServiceBlockingStub;
import dev.centaur.router.v1.AuthenticateRequest;
import dev.centaur.router.v1.GetProjectRequest;
import dev.centaur.router.v1.ProjectServiceGrpc.ProjectServiceBlockingStub;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.quarkus.grpc.GrpcClient;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The per-caller rate limit at router's edge, at 2 calls/s with a burst of 2. */
@QuarkusTest
@TestProfile(TinyLimitsProfile.class)
@WithTestResource(FakePeers.class)
class RateLimitTest {

    @GrpcClient("router")
    ProjectServiceBlockingStub projects;

    @GrpcClient("router")
    AccessServiceBlockingStub access;

    /** Tokens made beside the edge, so making them spends nobody's calls. */
    @Inject
    AccessTokens tokens;

    private String clientToken() {
        return tokens.create("client", "rate-" + UUID.randomUUID().toString().substring(0, 8), Optional.empty())
                .token().orElseThrow();
    }

    /** A cheap call (ListProjects reads every project the test database has collected). */
    private static void call(ProjectServiceBlockingStub stub) {
        assertFails(Status.Code.NOT_FOUND, () -> stub.getProject(GetProjectRequest.newBuilder()
                .setProjectId("no-such-project").build()), "no-such-project");
    }

    @Test
    void thirdQuickCallOfOneClientIsRefusedWhileAnotherClientPasses() {
        // Warm the path up (connection, token lookup, JIT) under a token of its own, so the three
        // calls below take milliseconds, not the refill time of a call (500 ms).
        call(as(projects, clientToken()));
        ProjectServiceBlockingStub first = as(projects, clientToken());
        ProjectServiceBlockingStub second = as(projects, clientToken());

        call(first);
        call(first);
        StatusRuntimeException refused = assertFails(Status.Code.RESOURCE_EXHAUSTED,
                () -> first.getProject(GetProjectRequest.newBuilder().setProjectId("no-such-project").build()),
                "centaur.limits.requests-per-second", "rate limit of 2 calls/s (burst 2)");

        String retryAfter = refused.getTrailers().get(LimitsInterceptor.RETRY_AFTER_MS);
        assertNotNull(retryAfter, "a refusal says when to try again");
        long retryAfterMs = Long.parseLong(retryAfter);
        assertTrue(retryAfterMs > 0 && retryAfterMs <= 500, retryAfter);
        call(second);

        pause(Duration.ofMillis(retryAfterMs + 50));
        call(first);
    }

    @Test
    void theServiceTokenIsNotRateLimited() {
        AccessServiceBlockingStub service = as(access, AuthOnProfile.SERVICE_TOKEN);
        AuthenticateRequest known = AuthenticateRequest.newBuilder().setToken(clientToken()).build();

        for (int call = 0; call < 10; call++) {
            assertEquals("client", service.authenticate(known).getRole());
        }

        // The same quick loop with a client's token is refused: the loop is fast enough to tell.
        ProjectServiceBlockingStub client = as(projects, clientToken());
        long refused = 0;
        for (int call = 0; call < 10; call++) {
            try {
                call(client);
            } catch (AssertionError e) {
                refused++;
            }
        }
        assertTrue(refused >= 1, "a client's 10 quick calls at 2/s, burst 2: " + refused + " refused");
    }
}
