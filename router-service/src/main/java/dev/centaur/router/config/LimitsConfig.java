package dev.centaur.router.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Back-pressure at router's gRPC edge (guard's LimitsInterceptor): over a limit a call is refused
 * at once with RESOURCE_EXHAUSTED naming the limit's key and a {@code retry-after-ms} trailer.
 */
@ConfigMapping(prefix = "centaur.limits")
public interface LimitsConfig {

    /**
     * Calls a second one caller may make on average; a caller is its bearer token (by hash), or its
     * address without one. The services' token (centaur.auth.service-token) is exempt.
     */
    @WithDefault("200")
    double requestsPerSecond();

    /** Calls one caller may make at once after being idle. */
    @WithDefault("400")
    int burst();

    /** Calls this replica serves at once, all callers (the services too) together. */
    @WithDefault("256")
    int maxInFlight();

    /** Callers whose rate is tracked at once; idle ones are forgotten first past this. */
    @WithDefault("10000")
    int maxCallers();
}
