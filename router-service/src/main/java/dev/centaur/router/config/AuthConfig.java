package dev.centaur.router.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Optional;

/**
 * Who may call router (DESIGN.md, Roles). A caller's {@code authorization: Bearer <token>} is, in
 * this order: the services' shared token (role service), the bootstrap admin's token (role admin),
 * or a token router issued itself (AccessService, kept hashed in router's table).
 */
@ConfigMapping(prefix = "centaur.auth")
public interface AuthConfig {

    /**
     * Check callers' tokens. Off, every caller has every role (principal "local") and router warns
     * once at start: for local runs and the tests only.
     */
    @WithDefault("true")
    boolean enabled();

    /**
     * The token every Centaur service sends on its calls to the others and accepts as role
     * {@code service} (env CENTAUR_AUTH_SERVICE_TOKEN, from a Kubernetes Secret). Router sends it
     * to inference, crowd and qc. Required while {@link #enabled()}.
     */
    Optional<String> serviceToken();

    /**
     * Hex SHA-256 of the first admin's token (env CENTAUR_AUTH_ADMIN_TOKEN_SHA256): accepted as role
     * {@code admin}, subject "bootstrap-admin", to issue the other tokens with AccessService.
     * Optional: without it only tokens already in router's table can be admins.
     */
    Optional<String> adminTokenSha256();
}
