package dev.centaur.crowd.grpc;

import dev.centaur.crowd.config.AuthConfig;
import dev.centaur.crowd.config.LimitsConfig;
import dev.centaur.guard.BearerTokens;
import dev.centaur.guard.grpc.LimitsInterceptor;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.grpc.GlobalInterceptor;
import jakarta.enterprise.inject.spi.Prioritized;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

/**
 * Guard's per-caller rate limit and in-flight cap on every crowd gRPC call, from
 * {@code centaur.limits}; the services' own token is exempt from the rate. The caller's token is
 * only resolved when the method's role check asks for it, so a call refused here costs no token
 * lookup (no database query, no call to router).
 */
@GlobalInterceptor
@Singleton
public class CrowdLimitsInterceptor implements ServerInterceptor, Prioritized {

    /** Below Quarkus' GrpcSecurityInterceptor (Integer.MAX_VALUE - 100). */
    static final int PRIORITY = Integer.MAX_VALUE - 200;

    private final LimitsInterceptor limits;

    @Inject
    CrowdLimitsInterceptor(LimitsConfig config, AuthConfig auth, MeterRegistry registry) {
        this.limits = new LimitsInterceptor(new LimitsInterceptor.Limits(config.requestsPerSecond(), config.burst(),
                config.maxInFlight(), config.maxCallers(),
                auth.serviceToken().filter(token -> !token.isBlank()).map(BearerTokens::sha256Hex)));
        Gauge.builder("centaur.crowd.grpc.in.flight", limits, LimitsInterceptor::inFlight)
                .description("gRPC calls running now (capped by centaur.limits.max-in-flight)")
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
}
