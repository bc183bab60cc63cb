package dev.centaur.inference.service;

import dev.centaur.inference.batching.BatchAggregator;
import dev.centaur.inference.model.ItemText;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Predict: label distributions from the active (or a named) version, with latency and volume metrics. */
@Startup // so its meters are published before the first request
@ApplicationScoped
public class PredictionService {

    private final ModelRegistry registry;
    private final Timer latency;
    private final Counter itemsPredicted;

    public PredictionService(ModelRegistry registry, MeterRegistry meters) {
        this.registry = registry;
        this.latency = Timer.builder("centaur.inference.predict.latency")
                .description("Time to answer one Predict request")
                .publishPercentileHistogram()
                .register(meters);
        this.itemsPredicted = Counter.builder("centaur.inference.items.predicted")
                .description("Items given a label distribution")
                .register(meters);
    }

    /**
     * @param versionId empty for the active version of {@code modelName}
     * @param deadlineNanos the caller's deadline ({@link System#nanoTime()} terms) or
     *        {@link BatchAggregator#NO_DEADLINE}
     * @throws NotFoundException for a name without an active version, or a version of another name
     */
    public PredictionResult predict(String modelName, Optional<UUID> versionId, List<ItemText> items,
            long deadlineNanos) {
        Timer.Sample sample = Timer.start();
        try (ModelLease lease = lease(modelName, versionId)) {
            double[][] probabilities = lease.predict(items, deadlineNanos);
            itemsPredicted.increment(items.size());
            return new PredictionResult(lease.version().id(), lease.version().labels(), probabilities);
        } finally {
            sample.stop(latency);
        }
    }

    private ModelLease lease(String modelName, Optional<UUID> versionId) {
        if (versionId.isEmpty()) {
            return registry.leaseActive(modelName).orElseThrow(() -> new NotFoundException(
                    "model_name '" + modelName + "' has no active version (train one first)"));
        }
        ModelLease lease = registry.leaseVersion(versionId.get());
        if (!lease.version().modelName().equals(modelName)) {
            lease.close();
            throw new NotFoundException("version_id '" + versionId.get() + "' is not a version of model_name '"
                    + modelName + "'");
        }
        return lease;
    }
}
