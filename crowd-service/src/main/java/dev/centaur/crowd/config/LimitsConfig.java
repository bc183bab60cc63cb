package dev.centaur.crowd.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Back-pressure at crowd's gRPC edge, under {@code centaur.limits} (guard's LimitsInterceptor):
 * a caller over its rate, or a call over the in-flight cap, is refused at once with
 * RESOURCE_EXHAUSTED naming the limit's key. The services' own token is exempt from the rate.
 */
@ConfigMapping(prefix = "centaur.limits")
public interface LimitsConfig {

    /** Calls a second one caller (a token by its hash; an address without one) may make on average. */
    @WithDefault("200")
    double requestsPerSecond();

    /** Calls one caller may make at once before the rate applies. */
    @WithDefault("400")
    int burst();

    /** Calls this replica runs at once, all callers together. */
    @WithDefault("256")
    int maxInFlight();

    /** Callers whose buckets are kept at once; idle (full) ones are dropped first. */
    @WithDefault("10000")
    int maxCallers();
}
