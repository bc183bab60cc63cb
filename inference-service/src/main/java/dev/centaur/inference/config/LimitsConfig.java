package dev.centaur.inference.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Back-pressure at inference's gRPC edge (guard's LimitsInterceptor), under {@code centaur.limits.*}. */
@ConfigMapping(prefix = "centaur.limits")
public interface LimitsConfig {

    /** Calls a second each caller (bearer token, or address without one) may make on average; the service token is exempt. */
    @WithDefault("200")
    double requestsPerSecond();

    /** Calls each caller may make at once above the average rate. */
    @WithDefault("400")
    int burst();

    /** Calls this replica runs at once, all callers together; more are refused at once (RESOURCE_EXHAUSTED). */
    @WithDefault("256")
    int maxInFlight();

    /** Callers whose rate is tracked at once (idle ones are dropped first). */
    @WithDefault("10000")
    int maxCallers();
}
