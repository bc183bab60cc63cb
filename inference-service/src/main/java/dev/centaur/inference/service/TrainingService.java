package dev.centaur.inference.service;

import dev.centaur.inference.config.InferenceConfig;
import dev.centaur.inference.model.ClassifierTrainer;
import dev.centaur.inference.model.FeatureConfig;
import dev.centaur.inference.model.TrainingResult;
import dev.centaur.inference.model.TrainingSettings;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.Semaphore;
import org.jboss.logging.Logger;

/** Train: fit the built-in classifier, store the version, activate it when due, load it. */
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

    public ModelVersionInfo train(TrainingCommand command) {
        TrainingSettings settings = settingsFor(command);
        TrainingResult result = trainInSlot(command, settings);
        try (var trained = result.classifier()) {
            ModelVersionInfo version = catalog.save(new NewModelVersion(
                    command.modelName(),
                    command.labels(),
                    result.weights(),
                    settings.features(),
                    result.temperature(),
                    result.heldoutAccuracy(),
                    result.heldoutEceUncalibrated(),
                    result.heldoutEce(),
                    result.heldoutLogLossUncalibrated(),
                    result.heldoutLogLoss(),
                    result.trainExamples(),
                    result.heldoutExamples(),
                    result.trainingMillis(),
                    settings.seed()), command.activate());
            LOG.infof("trained %s version %s on %d examples in %d ms: held-out accuracy %.3f, T %.3f, ECE %.3f -> %.3f%s",
                    version.modelName(), version.id(), result.trainExamples(), result.trainingMillis(),
                    result.heldoutAccuracy(), result.temperature(), result.heldoutEceUncalibrated(), result.heldoutEce(),
                    version.active() ? " (active)" : "");
            if (version.active()) {
                registry.syncModel(version.modelName());
            }
            return version;
        }
    }

    private TrainingResult trainInSlot(TrainingCommand command, TrainingSettings settings) {
        try {
            trainingSlots.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting to train " + command.modelName(), e);
        }
        try {
            return new ClassifierTrainer(registry.device())
                    .train(command.examples(), command.labelIndices(), command.labels(), settings);
        } finally {
            trainingSlots.release();
        }
    }

    private TrainingSettings settingsFor(TrainingCommand command) {
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
                config.batching().maxBatchSize());
    }
}
