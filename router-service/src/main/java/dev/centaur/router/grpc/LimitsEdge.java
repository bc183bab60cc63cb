package dev.centaur.router.grpc;

import dev.centaur.guard.BearerTokens;
import dev.centaur.guard.grpc.LimitsInterceptor;
import dev.centaur.router.config.AuthConfig;
import dev.centaur.router.config.LimitsConfig;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.grpc.GlobalInterceptor;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.spi.Prioritized;
import jakarta.inject.Inject;

/**
 * guard's per-caller rate limit and in-flight cap on every router RPC, from {@link LimitsConfig}.
 * It runs first, before the security check, so a refused call costs no token lookup.
 */
@GlobalInterceptor
@ApplicationScoped
public class LimitsEdge implements ServerInterceptor, Prioritized {

    /** Above every other interceptor, Quarkus' security interceptor (Integer.MAX_VALUE - 100) included. */
    private static final int PRIORITY = Integer.MAX_VALUE - 10;

    @Inject
    LimitsConfig config;

    @Inject
    AuthConfig auth;

    @Inject
    MeterRegistry registry;

    private LimitsInterceptor limits;

    @PostConstruct
    void configure() {
        limits = new LimitsInterceptor(new LimitsInterceptor.Limits(config.requestsPerSecond(), config.burst(),
                config.maxInFlight(), config.maxCallers(),
                auth.serviceToken().filter(token -> !token.isBlank()).map(BearerTokens::sha256Hex)));
        Gauge.builder("centaur.router.grpc.in.flight", this, LimitsEdge::inFlight)
                .description("gRPC calls being served now; over centaur.limits.max-in-flight they are refused")
                .register(registry);
    }

    @Override
    public int getPriority() {
        return PRIORITY;
    }

    @Override
    public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> call, Metadata headers,
            ServerCallHandler<Q, R> next) {
        return limits.interceptCall(call, headers, next);
    }

    /** Calls in flight now. */
    public int inFlight() {
        return limits.inFlight();
    }
}
