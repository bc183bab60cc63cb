package dev.centaur.inference.service;

import dev.centaur.inference.config.InferenceConfig;
import dev.centaur.inference.model.ClassifierTrainer;
import dev.centaur.inference.model.FeatureConfig;
import dev.centaur.inference.model.TrainingProgress;
import dev.centaur.inference.model.TrainingResult;
import dev.centaur.inference.model.TrainingSettings;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.Semaphore;
import org.jboss.logging.Logger;

/** Train (and the training part of FineTune jobs): fit the built-in classifier, store the version, load it when active. */
@ApplicationScoped
public class TrainingService {

    private static final Logger LOG = Logger.getLogger(TrainingService.class);

    private final InferenceConfig config;
    private final ModelCatalog catalog;
    private final ModelRegistry registry;
    private final Semaphore trainingSlots;

    public TrainingService(InferenceConfig config, ModelCatalog catalog, ModelRegistry registry) {
        this.config = config;
        this.catalog = catalog;
        this.registry = registry;
        this.trainingSlots = new Semaphore(config.training().maxConcurrent(), true);
    }

    /** The synchronous Train RPC: train, store, activate when asked or first. */
    public ModelVersionInfo train(TrainingCommand command) {
        TrainingSettings settings = settingsFor(command);
        TrainingResult result = fit(command, settings, null, TrainingProgress.NONE);
        try (var trained = result.classifier()) {
            return store(command, settings, result, command.activate());
        }
    }

    /**
     * Trains in a training slot (waiting for one), without storing anything.
     *
     * @param holdoutEligible which examples may be held out (null: all)
     */
    public TrainingResult fit(TrainingCommand command, TrainingSettings settings, boolean[] holdoutEligible,
            TrainingProgress progress) {
        try {
            trainingSlots.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting to train " + command.modelName(), e);
        }
        try {
            return new ClassifierTrainer(registry.device()).train(command.examples(), command.labelIndices(),
                    command.labels(), settings, holdoutEligible, progress);
        } finally {
            trainingSlots.release();
        }
    }

    /** Stores a trained version (active when asked or the name's first) and loads it when active. */
    public ModelVersionInfo store(TrainingCommand command, TrainingSettings settings, TrainingResult result,
            boolean activate) {
        ModelVersionInfo version = catalog.save(new NewModelVersion(
                command.modelName(),
                VersionKind.BUILTIN,
                command.labels(),
                result.weights(),
                settings.features(),
                null,
                result.temperature(),
                result.heldoutAccuracy(),
                result.heldoutEceUncalibrated(),
                result.heldoutEce(),
                result.heldoutLogLossUncalibrated(),
                result.heldoutLogLoss(),
                result.trainExamples(),
                result.heldoutExamples(),
                result.trainingMillis(),
                settings.seed()), activate);
        LOG.infof("trained %s version %s on %d examples in %d ms: held-out accuracy %.3f, T %.3f (%s), ECE %.3f -> %.3f%s",
                version.modelName(), version.id(), result.trainExamples(), result.trainingMillis(),
                result.heldoutAccuracy(), result.temperature(), result.crossFitted() ? "cross-fitted" : "held-out",
                result.heldoutEceUncalibrated(), result.heldoutEce(), version.active() ? " (active)" : "");
        if (version.active()) {
            registry.syncModel(version.modelName());
        }
        return version;
    }

    public TrainingSettings settingsFor(TrainingCommand command) {
        InferenceConfig.Model model = config.model();
        InferenceConfig.Training training = config.training();
        return new TrainingSettings(
                FeatureConfig.of(model.buckets(), model.embeddingDim(), model.maxFeatures(), model.charNgram(),
                        model.quantizationBins()),
                training.epochs(),
                training.learningRate(),
                training.weightDecay(),
                training.batchSize(),
                command.holdoutFraction() == 0 ? training.holdoutFraction() : command.holdoutFraction(),
                command.seed() == 0 ? training.seed() : command.seed(),
                config.batching().maxBatchSize(),
                training.calibrationFolds(),
                training.crossFitBelow());
    }
}
