package dev.centaur.inference.service;

import dev.centaur.inference.batching.BatchAggregator;
import dev.centaur.inference.calibration.CalibrationMetrics;
import dev.centaur.inference.config.InferenceConfig;
import dev.centaur.inference.model.ItemText;
import dev.centaur.inference.model.TrainingResult;
import dev.centaur.inference.model.TrainingSettings;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.logging.Logger;

/**
 * FineTune jobs: stored QUEUED, run on their own threads (never the gRPC or batch workers, so
 * Predict is not held up), trained in a training slot, compared with the active version on the
 * new version's held-out items, stored, and activated when at least as accurate (or forced).
 * Jobs of a process that died are marked FAILED at startup and by a periodic sweep.
 */
@ApplicationScoped
public class FineTuneService {

    private static final Logger LOG = Logger.getLogger(FineTuneService.class);

    /** This process, as the owner of the jobs it runs. */
    private final String owner = "inference-" + UUID.randomUUID();
    private final InferenceConfig config;
    private final FineTuneJobStore store;
    private final TrainingService training;
    private final ModelRegistry registry;
    private final ModelCatalog catalog;
    private final ThreadPoolExecutor executor;

    public FineTuneService(InferenceConfig config, FineTuneJobStore store, TrainingService training,
            ModelRegistry registry, ModelCatalog catalog) {
        this.config = config;
        this.store = store;
        this.training = training;
        this.registry = registry;
        this.catalog = catalog;
        AtomicInteger threads = new AtomicInteger();
        int size = config.jobs().threads();
        this.executor = new ThreadPoolExecutor(size, size, 0, TimeUnit.MILLISECONDS,
                new LinkedBlockingQueue<>(config.jobs().maxQueued()), runnable -> {
                    Thread thread = new Thread(runnable, "fine-tune-job-" + threads.incrementAndGet());
                    thread.setDaemon(true);
                    thread.setPriority(Thread.NORM_PRIORITY - 1); // Predict first when cores are short
                    return thread;
                });
    }

    void onStart(@Observes StartupEvent event) {
        failAbandonedJobs();
    }

    void onStop(@Observes ShutdownEvent event) {
        executor.shutdownNow();
    }

    /** Marks FAILED the unfinished jobs of processes that stopped beating; the number marked. */
    public int failAbandonedJobs() {
        int failed = store.failStale(config.jobs().staleAfter());
        if (failed > 0) {
            LOG.warnf("marked %d FineTune job(s) of stopped processes FAILED", failed);
        }
        return failed;
    }

    @Scheduled(every = "${centaur.inference.jobs.heartbeat-interval:10s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void heartbeatAndSweep() {
        store.heartbeat(owner);
        failAbandonedJobs();
    }

    /**
     * Stores and queues a job, or returns the job of the same request id (nothing new is started).
     *
     * @throws AlreadyExistsException when the request id was used for another request
     * @throws ResourceExhaustedException when the job queue is full (nothing is stored)
     */
    public FineTuneJobStore.Submitted submit(FineTuneCommand command) {
        FineTuneJobStore.Submitted submitted = store.createOrFind(command, owner);
        if (submitted.repeated()) {
            return submitted;
        }
        UUID id = submitted.job().id();
        try {
            executor.execute(() -> run(id, command));
        } catch (RejectedExecutionException e) {
            store.delete(id);
            throw new ResourceExhaustedException("FineTune queue is full (" + config.jobs().maxQueued()
                    + " jobs waiting); request_id '" + command.requestId() + "' was not stored, try again later");
        }
        return submitted;
    }

    /** @throws NotFoundException for an unknown job id */
    public JobInfo get(UUID id) {
        return store.find(id).orElseThrow(() -> new NotFoundException("job_id '" + id + "' is not a FineTune job"));
    }

    private void run(UUID id, FineTuneCommand command) {
        if (!store.start(id)) {
            return;
        }
        try {
            TrainingCommand trainingCommand = command.training();
            TrainingSettings settings = training.settingsFor(trainingCommand);
            ProgressWriter progress = new ProgressWriter(id, config.jobs().progressInterval().toNanos());
            TrainingResult result = training.fit(trainingCommand, settings, command.holdoutEligible(), progress);
            try (var trained = result.classifier()) {
                store.progress(id, progress.last(), "comparing with the active version");
                Comparison comparison = compare(trainingCommand, result, command.force());
                ModelVersionInfo version = training.store(trainingCommand, settings, result, comparison.activate());
                store.succeed(id, version, comparison.activate(), comparison.reason(), comparison.activeVersion(),
                        comparison.activeAccuracy());
                LOG.infof("FineTune job %s: version %s of %s, %s", id, version.id(), version.modelName(),
                        comparison.reason());
            }
        } catch (RuntimeException | Error e) {
            LOG.errorf(e, "FineTune job %s failed", id);
            store.fail(id, "failed: " + e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    /** Whether to activate, and why: the active version is evaluated on the new version's held-out items. */
    record Comparison(boolean activate, String reason, Optional<UUID> activeVersion, double activeAccuracy) {
    }

    private Comparison compare(TrainingCommand command, TrainingResult result, boolean force) {
        Optional<ModelVersionInfo> active = catalog.findActive(command.modelName());
        double newAccuracy = result.heldoutAccuracy();
        if (active.isEmpty()) {
            return new Comparison(true, "first active version of model_name '" + command.modelName() + "'",
                    Optional.empty(), Double.NaN);
        }
        double activeAccuracy = accuracyOfActive(command, result.heldoutIndices());
        String figures = String.format("held-out accuracy %.4f vs active version %s %.4f on the same %d items",
                newAccuracy, active.get().id(), activeAccuracy, result.heldoutExamples());
        boolean better = !Double.isNaN(newAccuracy) && !(newAccuracy < activeAccuracy);
        String reason = force ? "forced; " + figures
                : better ? "at least as accurate: " + figures
                : Double.isNaN(newAccuracy) ? "nothing held out to compare on (" + figures + ")"
                : "less accurate: " + figures;
        return new Comparison(force || better, reason, active.map(ModelVersionInfo::id), activeAccuracy);
    }

    /** Accuracy of the name's active version on the held-out items, label by label name; NaN for none. */
    private double accuracyOfActive(TrainingCommand command, int[] heldout) {
        if (heldout.length == 0) {
            return Double.NaN;
        }
        Optional<ModelLease> maybeLease = registry.leaseActive(command.modelName());
        if (maybeLease.isEmpty()) {
            return Double.NaN;
        }
        int chunk = config.limits().maxItemsPerRequest();
        int correct = 0;
        try (ModelLease lease = maybeLease.get()) {
            List<String> activeLabels = lease.version().labels();
            for (int from = 0; from < heldout.length; from += chunk) {
                List<ItemText> items = new ArrayList<>();
                int to = Math.min(heldout.length, from + chunk);
                for (int i = from; i < to; i++) {
                    items.add(command.examples().get(heldout[i]));
                }
                double[][] predicted = lease.predict(items, BatchAggregator.NO_DEADLINE);
                for (int i = from; i < to; i++) {
                    String truth = command.labels().get(command.labelIndices()[heldout[i]]);
                    if (activeLabels.get(CalibrationMetrics.argmax(predicted[i - from])).equals(truth)) {
                        correct++;
                    }
                }
            }
        }
        return (double) correct / heldout.length;
    }

    /** Writes training progress to the job at most once per interval. */
    private final class ProgressWriter implements dev.centaur.inference.model.TrainingProgress {
        private final UUID id;
        private final long intervalNanos;
        private long lastWrite = System.nanoTime();
        private double last;

        ProgressWriter(UUID id, long intervalNanos) {
            this.id = id;
            this.intervalNanos = intervalNanos;
        }

        @Override
        public void reached(double fraction) {
            last = Math.max(last, Math.min(1, fraction));
            long now = System.nanoTime();
            if (now - lastWrite >= intervalNanos) {
                lastWrite = now;
                store.progress(id, last, "training");
            }
        }

        double last() {
            return last;
        }
    }
}
