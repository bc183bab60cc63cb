package dev.centaur.router.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.centaur.guard.BearerTokens;
import dev.centaur.router.config.AuthConfig;
import io.grpc.Status;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Start-up checks of the auth settings and the statuses of security failures, without Quarkus. */
class AuthSettingsTest {

    private static AuthConfig config(boolean enabled, String serviceToken, String adminSha256) {
        return new AuthConfig() {
            @Override
            public boolean enabled() {
                return enabled;
            }

            @Override
            public Optional<String> serviceToken() {
                return Optional.ofNullable(serviceToken);
            }

            @Override
            public Optional<String> adminTokenSha256() {
                return Optional.ofNullable(adminSha256);
            }
        };
    }

    @Test
    void authOnWithoutServiceTokenCannotStartAndSaysWhichKey() {
        List<String> problems = Callers.problems(config(true, null, null));

        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).contains("centaur.auth.service-token"), problems.get(0));
        assertEquals(problems, Callers.problems(config(true, "  ", null)), "a blank token is no token");
    }

    @Test
    void authOffOrWithServiceTokenMayStart() {
        assertEquals(List.of(), Callers.problems(config(false, null, null)));
        assertEquals(List.of(), Callers.problems(config(true, "s3cret-service-token", BearerTokens.sha256Hex("a"))));
    }

    @Test
    void adminHashThatIsNotASha256IsRefusedNamingTheKey() {
        List<String> problems = Callers.problems(config(true, "s3cret-service-token", "not-a-hash"));

        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).contains("centaur.auth.admin-token-sha256"), problems.get(0));
    }

    @Test
    void securityFailuresHaveTheDesignedStatuses() {
        assertEquals(Status.Code.UNAUTHENTICATED,
                AuthStatuses.statusOf(new AuthenticationFailedException("x")).orElseThrow().getCode());
        assertEquals(Status.Code.UNAUTHENTICATED,
                AuthStatuses.statusOf(new UnauthorizedException()).orElseThrow().getCode());
        assertEquals(CallerIdentityProvider.MISSING_HEADER,
                AuthStatuses.statusOf(new UnauthorizedException()).orElseThrow().getDescription());
        assertEquals(Status.Code.PERMISSION_DENIED,
                AuthStatuses.statusOf(new ForbiddenException()).orElseThrow().getCode());
        assertTrue(AuthStatuses.statusOf(new IllegalStateException("a bug")).isEmpty());
    }

    @Test
    void tokenTableOutOfReachIsUnavailableNotUnauthenticated() {
        RuntimeException lost = new RuntimeException(new SQLException("connection refused", "08001"));
        Status status = AuthStatuses.statusOf(
                new AuthenticationFailedException(new CallerLookupUnavailableException(lost))).orElseThrow();

        assertEquals(Status.Code.UNAVAILABLE, status.getCode());
        assertTrue(status.getDescription().contains("retry"), status.getDescription());
    }
}
