package dev.centaur.inference.service;

import dev.centaur.inference.repository.ActivationHistoryRepository;
import dev.centaur.inference.repository.ModelVersionRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The stored model versions and which one of each name is active; one transaction per method. */
@ApplicationScoped
public class ModelCatalog {

    private final ModelVersionRepository versions;
    private final ActivationHistoryRepository history;

    public ModelCatalog(ModelVersionRepository versions, ActivationHistoryRepository history) {
        this.versions = versions;
        this.history = history;
    }

    /** Stores a new version; it becomes active when asked to or when it is the name's first. */
    @Transactional
    public ModelVersionInfo save(NewModelVersion version, boolean activate) {
        versions.lockModelName(version.modelName());
        boolean active = activate || versions.countVersions(version.modelName()) == 0;
        if (active) {
            versions.deactivate(version.modelName());
        }
        ModelVersionEntity entity = new ModelVersionEntity();
        entity.id = UUID.randomUUID();
        entity.modelName = version.modelName();
        entity.kind = version.kind().name();
        entity.labels = version.labels().toArray(String[]::new);
        entity.weights = version.weights();
        entity.featureConfig = version.featureConfig() == null ? null : version.featureConfig().toJson();
        entity.kindConfig = version.kindConfig();
        entity.temperature = version.temperature();
        entity.heldoutAccuracy = nullIfNaN(version.heldoutAccuracy());
        entity.heldoutEceUncalibrated = nullIfNaN(version.heldoutEceUncalibrated());
        entity.heldoutEce = nullIfNaN(version.heldoutEce());
        entity.heldoutLogLossUncalibrated = nullIfNaN(version.heldoutLogLossUncalibrated());
        entity.heldoutLogLoss = nullIfNaN(version.heldoutLogLoss());
        entity.trainExamples = version.trainExamples();
        entity.heldoutExamples = version.heldoutExamples();
        entity.trainingMillis = version.trainingMillis();
        entity.seed = version.seed();
        entity.active = active;
        entity.createdAt = Instant.now();
        versions.persistAndFlush(entity);
        if (active) {
            history.recordActivation(entity.modelName, entity.id);
        }
        return ModelVersionInfo.of(entity);
    }

    /** Makes a version its name's active one; a no-op when it already is. */
    @Transactional
    public ModelVersionInfo activate(UUID versionId) {
        ModelVersionEntity target = versions.findByIdOptional(versionId)
                .orElseThrow(() -> unknownVersion(versionId.toString()));
        if (target.active) {
            return ModelVersionInfo.of(target);
        }
        versions.lockModelName(target.modelName);
        versions.deactivate(target.modelName);
        versions.getEntityManager().refresh(target);
        target.active = true;
        versions.flush();
        history.recordActivation(target.modelName, target.id);
        return ModelVersionInfo.of(target);
    }

    /**
     * Makes the version that was active before the current one active again (the activation
     * history is a stack: Train-with-activation and Activate push, Rollback pops), so repeated
     * rollbacks walk further back.
     *
     * @throws NotFoundException for a name without versions
     * @throws FailedPreconditionException when the name has no active or no earlier active version
     */
    @Transactional
    public ModelVersionInfo rollback(String modelName) {
        versions.lockModelName(modelName);
        if (versions.countVersions(modelName) == 0) {
            throw new NotFoundException("model_name '" + modelName + "' has no versions");
        }
        ModelVersionEntity current = versions.findActive(modelName).orElseThrow(() -> new FailedPreconditionException(
                "model_name '" + modelName + "' has no active version to roll back from"));
        List<UUID> stack = history.topTwo(modelName);
        if (stack.size() < 2 || !stack.get(0).equals(current.id)) {
            throw new FailedPreconditionException("model_name '" + modelName
                    + "' has no earlier active version to roll back to (active: " + current.id + ")");
        }
        ModelVersionEntity previous = versions.findByIdOptional(stack.get(1)).orElseThrow();
        history.markTopRolledBack(modelName);
        versions.deactivate(modelName);
        versions.getEntityManager().refresh(previous);
        previous.active = true;
        versions.flush();
        return ModelVersionInfo.of(previous);
    }

    @Transactional
    public List<ModelVersionInfo> list(Optional<String> modelName) {
        List<ModelVersionEntity> found = modelName.map(versions::newestFirst).orElseGet(versions::newestFirst);
        return found.stream().map(ModelVersionInfo::of).toList();
    }

    @Transactional
    public Optional<ModelVersionInfo> find(UUID versionId) {
        return versions.findByIdOptional(versionId).map(ModelVersionInfo::of);
    }

    @Transactional
    public Optional<ModelVersionInfo> findActive(String modelName) {
        return versions.findActive(modelName).map(ModelVersionInfo::of);
    }

    @Transactional
    public List<ModelVersionInfo> findAllActive() {
        return versions.findAllActive().stream().map(ModelVersionInfo::of).toList();
    }

    @Transactional
    public byte[] weights(UUID versionId) {
        return versions.weights(versionId);
    }

    public static NotFoundException unknownVersion(String versionId) {
        return new NotFoundException("version_id '" + versionId + "' is not a stored model version");
    }

    private static Double nullIfNaN(double value) {
        return Double.isNaN(value) ? null : value;
    }
}
