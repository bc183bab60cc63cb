package dev.centaur.inference.health;

import dev.centaur.inference.config.InferenceConfig;
import dev.centaur.inference.service.ModelRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready when at least one active model is loaded, if centaur.inference.require-active-model asks
 * for that; otherwise always up (a fresh installation must be ready in order to train its first
 * model). The database part of readiness is Quarkus' own datasource check.
 */
@Readiness
@ApplicationScoped
public class ActiveModelReadinessCheck implements HealthCheck {

    static final String NAME = "active-models";

    private final InferenceConfig config;
    private final ModelRegistry registry;

    public ActiveModelReadinessCheck(InferenceConfig config, ModelRegistry registry) {
        this.config = config;
        this.registry = registry;
    }

    @Override
    public HealthCheckResponse call() {
        return check(config.requireActiveModel(), registry.loadedCount(), String.join(",", registry.loadedModelNames()));
    }

    static HealthCheckResponse check(boolean required, int loaded, String names) {
        return HealthCheckResponse.named(NAME)
                .status(!required || loaded > 0)
                .withData("required", required)
                .withData("loaded", loaded)
                .withData("models", names)
                .build();
    }
}
