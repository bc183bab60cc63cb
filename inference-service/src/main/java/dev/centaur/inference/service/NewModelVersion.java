package dev.centaur.inference.service;

import dev.centaur.inference.model.FeatureConfig;
import java.util.List;

/** What a finished training hands to the catalog to store. */
public record NewModelVersion(
        String modelName,
        List<String> labels,
        byte[] weights,
        FeatureConfig featureConfig,
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
