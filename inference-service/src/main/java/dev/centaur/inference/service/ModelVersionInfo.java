package dev.centaur.inference.service;

import dev.centaur.inference.model.FeatureConfig;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A model version without its weights, detached from the persistence context.
 *
 * @param featureConfig BUILTIN only, else null
 * @param kindConfig TORCHSCRIPT and REMOTE_LLM settings as JSON, else null
 */
public record ModelVersionInfo(
        UUID id,
        String modelName,
        VersionKind kind,
        List<String> labels,
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
        boolean active,
        Instant createdAt) {

    static ModelVersionInfo of(ModelVersionEntity entity) {
        return new ModelVersionInfo(
                entity.id,
                entity.modelName,
                VersionKind.valueOf(entity.kind),
                List.of(entity.labels),
                entity.featureConfig == null ? null : FeatureConfig.fromJson(entity.featureConfig),
                entity.kindConfig,
                entity.temperature,
                orNaN(entity.heldoutAccuracy),
                orNaN(entity.heldoutEceUncalibrated),
                orNaN(entity.heldoutEce),
                orNaN(entity.heldoutLogLossUncalibrated),
                orNaN(entity.heldoutLogLoss),
                entity.trainExamples,
                entity.heldoutExamples,
                entity.trainingMillis,
                entity.active,
                entity.createdAt);
    }

    private static double orNaN(Double value) {
        return value == null ? Double.NaN : value;
    }
}
