package dev.centaur.inference.grpc;

import dev.centaur.guard.BearerTokens;
import dev.centaur.guard.grpc.LimitsInterceptor;
import dev.centaur.inference.config.AuthConfig;
import dev.centaur.inference.config.LimitsConfig;
import io.quarkus.grpc.GlobalInterceptor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** guard's per-caller rate limit and in-flight cap on every gRPC call, from {@code centaur.limits.*}. */
@ApplicationScoped
public class EdgeLimits {

    @Produces
    @Singleton
    @GlobalInterceptor
    LimitsInterceptor limitsInterceptor(LimitsConfig limits, AuthConfig auth) {
        return new LimitsInterceptor(new LimitsInterceptor.Limits(limits.requestsPerSecond(), limits.burst(),
                limits.maxInFlight(), limits.maxCallers(),
                auth.serviceToken().map(String::trim).filter(t -> !t.isEmpty()).map(BearerTokens::sha256Hex)));
    }
}
