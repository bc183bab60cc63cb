package dev.centaur.crowd.security;

import dev.centaur.crowd.config.AuthConfig;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.HexFormat;
import org.jboss.logging.Logger;

/**
 * At start: with auth on, refuses to run without the service token (every call from router would
 * fail) or with an admin hash that is not a hex SHA-256; with auth off, says so once, loudly.
 */
@ApplicationScoped
public class AuthStartupCheck {

    private static final Logger LOG = Logger.getLogger(AuthStartupCheck.class);
    private static final int SHA256_HEX_LENGTH = 64;

    @Inject
    AuthConfig config;

    void check(@Observes StartupEvent start) {
        if (!config.enabled()) {
            LOG.warn("centaur.auth.enabled=false: crowd-service checks no tokens and every caller has every role. "
                    + "Never run it so where people can reach it.");
            return;
        }
        if (config.serviceToken().filter(token -> !token.isBlank()).isEmpty()) {
            throw new IllegalStateException("crowd-service needs " + AuthConfig.SERVICE_TOKEN_KEY
                    + " (env CENTAUR_AUTH_SERVICE_TOKEN) while centaur.auth.enabled=true: the services' own token, "
                    + "sent to and accepted from the other services");
        }
        config.adminTokenSha256().filter(hash -> !hash.isBlank()).ifPresent(hash -> {
            if (hash.trim().length() != SHA256_HEX_LENGTH || !hash.trim().chars().allMatch(HexFormat::isHexDigit)) {
                throw new IllegalStateException("centaur.auth.admin-token-sha256 must be the 64 hex digits of the "
                        + "admin token's SHA-256; it has " + hash.trim().length() + " characters");
            }
        });
    }
}
