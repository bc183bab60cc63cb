package dev.centaur.inference.service;

import dev.centaur.inference.model.FeatureConfig;
import java.util.List;

/**
 * What a finished training or a registration hands to the catalog to store.
 *
 * @param weights BUILTIN only
 * @param featureConfig BUILTIN only
 * @param kindConfig TORCHSCRIPT and REMOTE_LLM only
 */
public record NewModelVersion(
        String modelName,
        VersionKind kind,
        List<String> labels,
        byte[] weights,
        FeatureConfig featureConfig,
        String kindConfig,
        double temperature,
        double heldoutAccuracy,
        double heldoutEceUncalibrated,
        double heldoutEce,
        double heldoutLogLossUncalibrated,
        double heldoutLogLoss,
        int trainExamples,
        int heldoutExamples,
        long trainingMillis,
        long seed) {
}
