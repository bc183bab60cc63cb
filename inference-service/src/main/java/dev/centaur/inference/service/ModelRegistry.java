package dev.centaur.inference.service;

import ai.djl.Device;
import dev.centaur.inference.batching.BatchSettings;
import dev.centaur.inference.config.InferenceConfig;
import dev.centaur.inference.model.DjlRuntime;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * The active version of every model name, loaded in memory (model name -> loaded model), kept in
 * step with the database: at startup, after Train and Activate, and on a timer for changes made
 * by other replicas.
 */
@ApplicationScoped
public class ModelRegistry {

    private static final Logger LOG = Logger.getLogger(ModelRegistry.class);

    private final ModelCatalog catalog;
    private final InferenceConfig config;
    private final BatchMetrics batchMetrics;
    private final MeterRegistry meters;
    private final ModelLoader loader;
    private final DeviceHolder deviceHolder;
    private final Map<String, LoadedModel<?>> activeModels = new ConcurrentHashMap<>();
    private final Map<String, Object> nameLocks = new ConcurrentHashMap<>();

    public ModelRegistry(ModelCatalog catalog, InferenceConfig config, MeterRegistry meters, BatchMetrics batchMetrics,
            ModelLoader loader, DeviceHolder deviceHolder) {
        this.catalog = catalog;
        this.loader = loader;
        this.deviceHolder = deviceHolder;
        this.config = config;
        this.batchMetrics = batchMetrics;
        this.meters = meters;
        Gauge.builder("centaur.inference.models.loaded", activeModels, Map::size)
                .description("Active model versions loaded in memory")
                .register(meters);
        Gauge.builder("centaur.inference.batch.queue.depth", activeModels,
                        models -> models.values().stream().mapToInt(LoadedModel::queueDepth).sum())
                .description("Items waiting for a forward pass, over all loaded versions")
                .register(meters);
    }

    void onStart(@Observes StartupEvent event) {
        DjlRuntime.prepare(config.engineThreads());
        LOG.infof("DJL PyTorch %s, models run on %s", DjlRuntime.engineVersion(), device());
        Gauge.builder("centaur.inference.device", () -> 1)
                .description("The device models run on (the first GPU DJL finds, else the CPU)")
                .tag("device", device().isGpu() ? "gpu" : "cpu")
                .register(meters);
        syncAll();
        LOG.infof("loaded %d active model(s): %s", activeModels.size(), loadedModelNames());
    }

    void onStop(@Observes ShutdownEvent event) {
        activeModels.values().forEach(LoadedModel::retire);
        activeModels.clear();
    }

    @Scheduled(every = "${centaur.inference.active-refresh-interval}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void refresh() {
        syncAll();
    }

    /** Loads every active version not yet in memory and drops those no longer active. */
    public void syncAll() {
        Map<String, ModelVersionInfo> active = catalog.findAllActive().stream()
                .collect(Collectors.toMap(ModelVersionInfo::modelName, Function.identity()));
        Set<String> names = new HashSet<>(active.keySet());
        names.addAll(activeModels.keySet());
        for (String name : names) {
            sync(name, Optional.ofNullable(active.get(name)));
        }
    }

    /** Brings one name in step with the database (after Train or Activate on this replica). */
    public void syncModel(String modelName) {
        sync(modelName, catalog.findActive(modelName));
    }

    /** A lease on the active version of a name, or empty when the name has none. */
    public Optional<ModelLease> leaseActive(String modelName) {
        boolean synced = false;
        while (true) {
            LoadedModel<?> loaded = activeModels.get(modelName);
            if (loaded == null) {
                if (synced) {
                    return Optional.empty();
                }
                // Another replica may have trained it since the last refresh.
                syncModel(modelName);
                synced = true;
                continue;
            }
            Optional<ModelLease> lease = loaded.lease();
            if (lease.isPresent()) {
                return lease;
            }
        }
    }

    /**
     * A lease on a given version: the loaded one when it is active, else loaded for this one use.
     *
     * @throws NotFoundException when no such version is stored
     */
    public ModelLease leaseVersion(UUID versionId) {
        for (LoadedModel<?> loaded : activeModels.values()) {
            if (loaded.version().id().equals(versionId)) {
                Optional<ModelLease> lease = loaded.lease();
                if (lease.isPresent()) {
                    return lease.get();
                }
            }
        }
        ModelVersionInfo version = catalog.find(versionId)
                .orElseThrow(() -> ModelCatalog.unknownVersion(versionId.toString()));
        LoadedModel<?> once = loaded(version);
        ModelLease lease = once.lease().orElseThrow();
        once.retire();
        return lease;
    }

    public int loadedCount() {
        return activeModels.size();
    }

    public SortedSet<String> loadedModelNames() {
        return new TreeSet<>(activeModels.keySet());
    }

    /** The versions in memory, for tests and diagnostics. */
    public List<ModelVersionInfo> loadedVersions() {
        return activeModels.values().stream().map(LoadedModel::version).toList();
    }

    private void sync(String modelName, Optional<ModelVersionInfo> active) {
        synchronized (nameLocks.computeIfAbsent(modelName, name -> new Object())) {
            LoadedModel<?> current = activeModels.get(modelName);
            if (active.isEmpty()) {
                if (current != null) {
                    activeModels.remove(modelName);
                    current.retire();
                }
                return;
            }
            if (current != null && current.version().id().equals(active.get().id())) {
                return;
            }
            try {
                activeModels.put(modelName, loaded(active.get()));
                LOG.infof("model %s now serves version %s", modelName, active.get().id());
                if (current != null) {
                    current.retire();
                }
            } catch (RuntimeException e) {
                // Keep serving what we have; the next refresh tries again.
                LOG.errorf(e, "cannot load version %s of model %s", active.get().id(), modelName);
            }
        }
    }

    private LoadedModel<?> loaded(ModelVersionInfo version) {
        InferenceConfig.Batching batching = config.batching();
        return new LoadedModel<>(version, loader.load(version),
                new BatchSettings(batching.maxBatchSize(), batching.maxDelay(), batching.queueCapacity()), batchMetrics);
    }

    /** The device models run on: the first GPU when DJL finds one, else the CPU. */
    public Device device() {
        return deviceHolder.device();
    }
}
