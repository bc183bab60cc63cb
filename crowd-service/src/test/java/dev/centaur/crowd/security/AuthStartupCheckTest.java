package dev.centaur.crowd.security;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.centaur.crowd.config.AuthConfig;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The start-up refusals: auth on without a service token, or with an admin hash that is not one. */
class AuthStartupCheckTest {

    @Test
    void authOnWithoutTheServiceTokenRefusesToStartNamingTheKey() {
        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> check(config(true, Optional.empty(), Optional.empty())));
        assertTrue(refused.getMessage().contains("centaur.auth.service-token"), refused.getMessage());
        assertThrows(IllegalStateException.class, () -> check(config(true, Optional.of("  "), Optional.empty())));
    }

    @Test
    void adminHashMustBeAHexSha256() {
        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> check(config(true, Optional.of("svc"), Optional.of("not-a-hash"))));
        assertTrue(refused.getMessage().contains("centaur.auth.admin-token-sha256"), refused.getMessage());
        assertDoesNotThrow(() -> check(config(true, Optional.of("svc"), Optional.of("ab".repeat(32)))));
    }

    @Test
    void authOffStartsWithoutTokens() {
        assertDoesNotThrow(() -> check(config(false, Optional.empty(), Optional.empty())));
    }

    private static void check(AuthConfig config) {
        AuthStartupCheck check = new AuthStartupCheck();
        check.config = config;
        check.check(null);
    }

    private static AuthConfig config(boolean enabled, Optional<String> serviceToken, Optional<String> adminHash) {
        return new AuthConfig() {
            @Override
            public boolean enabled() {
                return enabled;
            }

            @Override
            public Optional<String> serviceToken() {
                return serviceToken;
            }

            @Override
            public Optional<String> adminTokenSha256() {
                return adminHash;
            }

            @Override
            public Duration cacheTtl() {
                return Duration.ofSeconds(30);
            }

            @Override
            public Duration negativeCacheTtl() {
                return Duration.ofSeconds(5);
            }

            @Override
            public int cacheMaxEntries() {
                return 10;
            }

            @Override
            public Duration authenticateDeadline() {
                return Duration.ofSeconds(2);
            }
        };
    }
}
