package dev.centaur.inference.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** Who may call inference (DESIGN.md, Roles), under {@code centaur.auth.*}. */
@ConfigMapping(prefix = "centaur.auth")
public interface AuthConfig {

    /**
     * Check bearer tokens. Off, every caller gets every role as principal "local" (logged as a
     * WARN at start): for debugging and the tests that are not about auth.
     */
    @WithDefault("true")
    boolean enabled();

    /**
     * The services' own token (env CENTAUR_AUTH_SERVICE_TOKEN, from a Kubernetes Secret): accepted
     * as role service and sent on every call inference makes to router. Required when auth is on.
     */
    Optional<String> serviceToken();

    /** Hex SHA-256 of the bootstrap admin token (env CENTAUR_AUTH_ADMIN_TOKEN_SHA256); never the token. */
    Optional<String> adminTokenSha256();

    /** How long router's answer for a known token is remembered: a revoked token works this long at most. */
    @WithDefault("30s")
    Duration cacheTtl();

    /** How long router's "unknown or revoked" (NOT_FOUND) is remembered, so a bad token cannot flood router. */
    @WithDefault("5s")
    Duration negativeCacheTtl();

    /** Deadline of one AccessService.Authenticate call to router. */
    @WithDefault("2s")
    Duration routerDeadline();

    /** Router-issued tokens remembered at once; the cache starts over when full. */
    @WithDefault("10000")
    int maxCachedTokens();
}
