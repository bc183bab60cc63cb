package dev.centaur.crowd.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/**
 * Who may call crowd-service, under {@code centaur.auth} (DESIGN.md, Roles). A bearer token is, in
 * this order: the services' own token (role service), the bootstrap admin's (by hash), one of
 * crowd's annotator tokens, or a token router issued (asked of router's AccessService and cached).
 */
@ConfigMapping(prefix = "centaur.auth")
public interface AuthConfig {

    /** The name of the service-token key, for messages. */
    String SERVICE_TOKEN_KEY = "centaur.auth.service-token";

    /**
     * Whether tokens are checked. Off, every caller has every role (principal "local"), an
     * annotator token still says which annotator calls, and the service logs a warning at start.
     */
    @WithDefault("true")
    boolean enabled();

    /**
     * The services' own token (env CENTAUR_AUTH_SERVICE_TOKEN, from a Kubernetes Secret): accepted as
     * role service and sent on every call to another service. Required when {@link #enabled()}.
     */
    Optional<String> serviceToken();

    /** Hex SHA-256 of the bootstrap admin's token (env CENTAUR_AUTH_ADMIN_TOKEN_SHA256); role admin. */
    Optional<String> adminTokenSha256();

    /** How long router's answer about a token it knows is trusted before router is asked again. */
    @WithDefault("30s")
    Duration cacheTtl();

    /** How long router's NOT_FOUND for a token is remembered (a token router does not know, or revoked). */
    @WithDefault("5s")
    Duration negativeCacheTtl();

    /** Router answers remembered at once; full means cleared (refilling costs a call a token). */
    @WithDefault("10000")
    int cacheMaxEntries();

    /** Deadline of one AccessService.Authenticate call to router. */
    @WithDefault("2s")
    Duration authenticateDeadline();
}
